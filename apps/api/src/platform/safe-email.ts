import { isEmail, ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * class-validator's IsEmail, except that text it cannot even read is invalid instead of a crash:
 * validator.js encodes the address with encodeURI, which throws URIError on a lone UTF-16
 * surrogate (found by the hostile-input fault test: a 500 where a 400 belongs). Same constraint
 * name, so the 400 says the same words ("moet een geldig e-mailadres zijn").
 */
export function IsSafeEmail(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEmail',
      validator: {
        validate: (value) => {
          try {
            return typeof value === 'string' && isEmail(value);
          } catch {
            return false;
          }
        },
      },
    },
    options,
  );
}
