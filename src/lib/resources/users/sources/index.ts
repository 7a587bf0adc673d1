/** The migration sources of `clerk users import --from`: add a provider by adding its module here. */
import {auth0} from './auth0.js'
import {clerk} from './clerk.js'
import {firebase} from './firebase.js'
import {supabase} from './supabase.js'
import type {MigrationSource} from './types.js'

export const SOURCES: Record<string, MigrationSource> = {auth0, firebase, supabase, clerk}
export const SOURCE_NAMES = Object.keys(SOURCES)

export type {FirebaseHashConfig, MetadataTarget, MigrationSource, SourceOptions, SourceUser} from './types.js'
