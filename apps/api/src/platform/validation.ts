import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage, type ValidationOptions } from 'class-validator';
import { DomainError, type FieldError } from '@cluster/domain';
import type { Language, Localized } from './i18n/language';
import { REQUEST_NOT_VALID, validationMessage, type ValidationProblem } from './i18n/validation-messages';

/** One field's problems, before they are put into words (the language is the request's). */
export interface FieldIssue {
  field: string;
  problems: ValidationProblem[];
}

/** Where a decorator's own text goes (class-validator hands `context` on with the error). */
const OWN_MESSAGE = 'localizedMessage';

/**
 * A decorator's own words for its refusal, in both languages, instead of the constraint's
 * generic ones: `@Matches(/…/, localizedMessage({ nl: '…', en: '…' }))`.
 */
export function localizedMessage(message: Localized, options: ValidationOptions = {}): ValidationOptions {
  return { ...options, context: { ...(options.context as object | undefined), [OWN_MESSAGE]: message } };
}

type Metadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

/** The decorator behind one constraint of one error: its arguments and whether it held for each item. */
function metadataOf(target: unknown, property: string, constraint: string): Metadata | undefined {
  const owner = (target as { constructor?: unknown } | undefined)?.constructor;
  if (typeof owner !== 'function' || owner === Object || owner === Array) return undefined;
  return getMetadataStorage()
    .getTargetValidationMetadatas(owner, '', true, false)
    .find((m) => m.propertyName === property && (m.name ?? m.type) === constraint);
}

/** Flattens nested class-validator errors into "milestones.0.dueDate"-style field paths, with what each constraint needs to be put into words. */
export function toFieldIssues(errors: ValidationError[], parent = ''): FieldIssue[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : String(e.property ?? '');
    const problems = Object.keys(e.constraints ?? {}).map((constraint): ValidationProblem => {
      const meta = metadataOf(e.target, e.property, constraint);
      const own = (e.contexts?.[constraint] as Record<string, unknown> | undefined)?.[OWN_MESSAGE] as Localized | undefined;
      return { constraint, args: (meta?.constraints as unknown[] | undefined) ?? [], each: Boolean(meta?.each), property: String(e.property ?? ''), ...(own ? { own } : {}) };
    });
    const own = problems.length ? [{ field, problems }] : [];
    return [...own, ...toFieldIssues(e.children ?? [], field)];
  });
}

export function renderIssues(issues: FieldIssue[], language: Language): FieldError[] {
  return issues.map((i) => ({ field: i.field, messages: i.problems.map((p) => validationMessage(p, language)) }));
}

/** The field errors of class-validator's errors, in one language (Dutch unless asked). */
export function toFieldErrors(errors: ValidationError[], language: Language = 'nl'): FieldError[] {
  return renderIssues(toFieldIssues(errors), language);
}

/**
 * A request class-validator refused. It keeps the problems without words, so the error filter can
 * answer in the language the request asked for (Accept-Language); as a DomainError it reads Dutch.
 */
export class RequestValidationError extends DomainError {
  constructor(readonly issues: FieldIssue[]) {
    super('VALIDATION_FAILED', REQUEST_NOT_VALID.nl, renderIssues(issues, 'nl'));
  }

  in(language: Language): { message: string; fieldErrors: FieldError[] } {
    return { message: REQUEST_NOT_VALID[language], fieldErrors: renderIssues(this.issues, language) };
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    // The error's object is needed to find the decorator behind it (its arguments: lengths,
    // bounds, allowed values); it never leaves the process.
    validationError: { target: true },
    exceptionFactory: (errors) => new RequestValidationError(toFieldIssues(errors)),
  });
}
