import type { Type } from '@nestjs/common';
import type { OpenAPIObject, ParameterObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';
import * as cv from 'class-validator';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import type { MetadataStorage as TransformerStorage } from 'class-transformer/types/MetadataStorage';

// class-transformer keeps @Type() targets here (not exported from its index): needed to see what
// class a nested array holds; its own `design:type` says only "Array".
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformerStorage };

type Schema = SchemaObject & { $ref?: string };

const OPTIONS: Parameters<typeof targetConstructorToSchema>[1] = {
  classTransformerMetadataStorage: defaultMetadataStorage,
  refPointerPrefix: '#/components/schemas/',
  additionalConverters: {
    // @ApiProperty's format (date or date-time) says which; the library's "either" adds nothing.
    [cv.IS_ISO8601]: { type: 'string' },
    [cv.IS_DATE_STRING]: { type: 'string' },
    [cv.ValidationTypes.IS_DEFINED]: {},
    // Bounds say nothing of the type: @IsInt or @IsNumber does (the library's would depend on the
    // order of the decorators).
    [cv.MIN]: (meta: ValidationMetadata) => ({ minimum: meta.constraints[0] as number }),
    [cv.MAX]: (meta: ValidationMetadata) => ({ maximum: meta.constraints[0] as number }),
    // Our one date validator (platform/real-date.ts): a day is `date`, a moment `date-time`; a
    // field that takes either keeps the pattern its @ApiProperty gives.
    isRealDate: (meta: ValidationMetadata) => (meta.constraints[0] === 'date-or-date-time' ? { type: 'string' } : { type: 'string', format: meta.constraints[0] as string }),
  },
};

/** The keywords a validator decides; the validator's value replaces whatever @ApiProperty said. */
const CONSTRAINTS = ['minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems', 'uniqueItems', 'enum', 'minProperties'] as const;
const FORMATS = new Set(['uuid', 'email', 'date', 'date-time']);

/** The JSON schema class-validator's decorators of one class amount to (inherited ones included). */
export function validatorSchemaOf(dto: Type<unknown>): Schema {
  return targetConstructorToSchema(dto, OPTIONS) as unknown as Schema;
}

/**
 * Writes what class-validator enforces into the document's schemas, so that lengths, patterns,
 * array sizes, enums, integers and required fields are stated where they are checked, once:
 * - every request body class, and each class nested in one, with `additionalProperties: false`
 *   (the ValidationPipe refuses unknown fields) and only the fields it accepts;
 * - every query class, into the operation's query parameters.
 */
export class ValidationConstraints {
  private readonly done = new Set<string>();

  constructor(private readonly document: OpenAPIObject) {}

  /** The body class of an operation and every class nested in it. */
  body(dto: Type<unknown>): { anyRequired: boolean } {
    const rules = validatorSchemaOf(dto);
    this.objectSchema(dto);
    return { anyRequired: (rules.required ?? []).length > 0 };
  }

  query(dto: Type<unknown>, parameters: (ParameterObject | ReferenceObject)[]): void {
    const rules = validatorSchemaOf(dto);
    const required = new Set(rules.required ?? []);
    for (const p of parameters as ParameterObject[]) {
      if (p.in !== 'query') continue;
      const rule = rules.properties?.[p.name] as Schema | undefined;
      if (!rule) continue;
      p.schema = merge((p.schema ?? {}) as Schema, rule);
      p.required = required.has(p.name);
    }
  }

  /** Whether a component schema is (part of) a request body, so that its validators decide it. */
  isInput(schemaName: string): boolean {
    return this.done.has(schemaName);
  }

  private objectSchema(dto: Type<unknown>): void {
    const target = this.document.components?.schemas?.[dto.name] as Schema | undefined;
    if (!target || this.done.has(dto.name)) return;
    this.done.add(dto.name);
    const rules = validatorSchemaOf(dto);
    const properties = (target.properties ?? {}) as Record<string, Schema>;
    const accepted = (rules.properties ?? {}) as Record<string, Schema>;
    for (const name of Object.keys(properties)) {
      // The ValidationPipe refuses a field without a validator (forbidNonWhitelisted).
      if (!(name in accepted)) delete properties[name];
    }
    for (const [name, rule] of Object.entries(accepted)) {
      properties[name] = merge(properties[name] ?? {}, rule);
      for (const nested of nestedClasses(dto, name)) this.objectSchema(nested);
    }
    target.properties = properties;
    target.required = rules.required?.length ? rules.required : undefined;
    if (!target.required) delete target.required;
    target.additionalProperties = false;
  }
}

/** The classes that @ValidateNested + @Type() put under one field. */
function nestedClasses(dto: Type<unknown>, property: string): Type<unknown>[] {
  const nested = cv.getMetadataStorage()
    .getTargetValidationMetadatas(dto, '', true, false)
    .some((m) => m.propertyName === property && m.type === cv.ValidationTypes.NESTED_VALIDATION);
  if (!nested) return [];
  const type = defaultMetadataStorage.findTypeMetadata(dto, property)?.typeFunction() as Type<unknown> | undefined;
  return typeof type === 'function' ? [type] : [];
}

/** The document's schema of one field with the validator's constraints put in. */
function merge(doc: Schema, rule: Schema): Schema {
  const out: Schema = { ...doc };
  if (rule.$ref || doc.$ref || doc.allOf) return out;
  // @IsInt, @IsString, @IsBoolean…: what is checked, whatever @ApiProperty guessed (an array's
  // items default to strings there).
  if (typeof rule.type === 'string') out.type = rule.type;
  for (const key of CONSTRAINTS) {
    if (rule[key] !== undefined) (out as unknown as Record<string, unknown>)[key] = rule[key];
  }
  if (rule.format && FORMATS.has(rule.format)) out.format = rule.format;
  if (rule.items && !('$ref' in rule.items)) {
    out.items = merge((out.items ?? {}) as Schema, rule.items as Schema);
  }
  return out;
}
