import type { OpenAPIObject, ParameterObject } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ValidationConstraints } from './validation-constraints';

class LineDto {
  @Min(1) @IsInt() amountCents!: number;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) dueDate!: string;
}

class OrderDto {
  @IsString() @Length(2, 50) name!: string;
  @IsOptional() @IsIn(['a', 'b']) kind?: string;
  @IsArray() @ArrayMaxSize(3) @IsInt({ each: true }) @Min(1, { each: true }) days!: number[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => LineDto) lines!: LineDto[];
  @IsOptional() @IsUUID() ownerId?: string;
  /** Documented but not validated: the ValidationPipe refuses it. */
  ignored?: string;
}

class PageQueryDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit = 50;
}

function documentWith(schemas: Record<string, object>): OpenAPIObject {
  return { openapi: '3.0.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas } };
}

describe('what class-validator enforces, written into the document', () => {
  it('states lengths, enums, integers, array sizes, patterns and formats, and closes bodies to unknown fields', () => {
    const doc = documentWith({
      OrderDto: {
        type: 'object',
        properties: {
          name: { type: 'string', example: 'x' },
          kind: { type: 'string' },
          days: { type: 'array', items: { type: 'string' } },
          lines: { type: 'array', items: { $ref: '#/components/schemas/LineDto' } },
          ownerId: { type: 'string' },
          ignored: { type: 'string' },
        },
        required: ['name', 'kind', 'ignored'],
      },
      LineDto: { type: 'object', properties: { amountCents: { type: 'number' }, dueDate: { type: 'string' } } },
    });
    const constraints = new ValidationConstraints(doc);
    expect(constraints.body(OrderDto)).toEqual({ anyRequired: true });

    const order = doc.components!.schemas!.OrderDto as { properties: Record<string, object>; required: string[]; additionalProperties: boolean };
    expect(order.additionalProperties).toBe(false);
    expect(order.required.sort()).toEqual(['days', 'lines', 'name']);
    expect(order.properties.name).toEqual({ type: 'string', example: 'x', minLength: 2, maxLength: 50 });
    expect(order.properties.kind).toMatchObject({ enum: ['a', 'b'] });
    expect(order.properties.days).toMatchObject({ type: 'array', maxItems: 3, items: { type: 'integer', minimum: 1 } });
    expect(order.properties.lines).toEqual({ type: 'array', items: { $ref: '#/components/schemas/LineDto' } });
    expect(order.properties.ownerId).toMatchObject({ format: 'uuid' });
    expect(order.properties).not.toHaveProperty('ignored');

    expect(doc.components!.schemas!.LineDto).toEqual({
      type: 'object',
      properties: { amountCents: { type: 'integer', minimum: 1 }, dueDate: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } },
      required: ['amountCents', 'dueDate'],
      additionalProperties: false,
    });
    expect(constraints.isInput('LineDto')).toBe(true);
  });

  it('types query parameters by their validators', () => {
    const parameters: ParameterObject[] = [{ name: 'limit', in: 'query', required: true, schema: { type: 'number', default: 50 } }];
    new ValidationConstraints(documentWith({})).query(PageQueryDto, parameters);
    expect(parameters[0]).toEqual({ name: 'limit', in: 'query', required: false, schema: { type: 'integer', default: 50, minimum: 1, maximum: 200 } });
  });
});
