import { configSchemaByType, type Resource } from '../../types/snapshot.js';
import type { z } from 'zod';

type TypedResourceType = keyof typeof configSchemaByType;
export type ConfigOf<T extends TypedResourceType> = z.infer<(typeof configSchemaByType)[T]>;

/** A resource whose `config` does not match the schema of its type. Names the resource so a bad snapshot is fixable. */
export class ResourceConfigError extends Error {
  constructor(readonly resourceArn: string, readonly path: string, detail: string) {
    super(`resource ${resourceArn} has an invalid config at ${path || '(root)'}: ${detail}`);
    this.name = 'ResourceConfigError';
  }
}

/** Parses a resource's config with the schema of `type` (snapshot.ts `configSchemaByType`); throws ResourceConfigError. */
export function readConfig<T extends TypedResourceType>(resource: Resource, type: T): ConfigOf<T> {
  const result = configSchemaByType[type].safeParse(resource.config);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ResourceConfigError(resource.arn, issue.path.join('.'), issue.message);
  }
  return result.data as ConfigOf<T>;
}

export function hasTypedConfig(type: string): type is TypedResourceType {
  return Object.hasOwn(configSchemaByType, type);
}
