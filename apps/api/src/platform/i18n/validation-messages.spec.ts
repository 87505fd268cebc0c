import 'reflect-metadata';
import express from 'express';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import * as config from '@cluster/config';
import { AppModule } from '../../app.module';
import { RoadmapDraftDto } from '../../cases/roadmap-draft.dto';
import { createValidationPipe, RequestValidationError } from '../validation';
import { LANGUAGES, languageOf } from './language';
import { REQUEST_NOT_VALID, VALIDATION_MESSAGES, validationMessage } from './validation-messages';

type Metadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

/** Every validator of every request class the API has (the module graph loads them all); not the environment's. */
function requestValidators(): Metadata[] {
  expect(AppModule).toBeDefined();
  const environment = new Set<unknown>(Object.values(config));
  const all = [...(getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, Metadata[]> }).validationMetadatas.values()].flat();
  return all.filter((m) => m.target !== Object && !environment.has(m.target));
}

/** Types that never refuse on their own: they only switch validation on or off. */
const SILENT = new Set<string>([ValidationTypes.CONDITIONAL_VALIDATION, ValidationTypes.WHITELIST, ValidationTypes.PROMISE_VALIDATION]);
const owner = (m: Metadata) => `${(m.target as { name?: string }).name}.${m.propertyName}`;

async function refusal(body: unknown): Promise<RequestValidationError> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: RoadmapDraftDto });
  } catch (error) {
    if (error instanceof RequestValidationError) return error;
    throw error;
  }
  throw new Error('the body was accepted');
}

const draft = { vision: 'Een visie voor 2035 en verder', horizonYear: 2035, objectives: [], milestones: [], commitments: [], projectPortfolio: [], internationalRoadmapLinks: [], societalChallenges: [] };

describe('validation messages in the language of the request', () => {
  it('has words in Dutch and English for every constraint of every request class (or the decorator its own in both)', () => {
    const validators = requestValidators().filter((m) => !SILENT.has(m.type));
    const untranslated = validators
      .filter((m) => {
        const own = (m.context as Record<string, Record<string, string>> | undefined)?.localizedMessage;
        if (own) return !LANGUAGES.every((l) => typeof own[l] === 'string' && own[l].trim() !== '');
        return !VALIDATION_MESSAGES[m.name ?? m.type];
      })
      .map((m) => `${owner(m)}: ${m.name ?? m.type}`);
    expect(untranslated).toEqual([]);
    // The walk found the request classes (so the filter above cannot quietly match nothing).
    expect(validators.length).toBeGreaterThan(200);
    expect(validators.map(owner)).toEqual(expect.arrayContaining(['RoadmapDraftDto.vision', 'PartyDto.partyId', 'CreateUserDto.subject']));
  });

  it('has no decorator text of its own that is English only (class-validator would send it as it is)', () => {
    // ValidateNested carries class-validator's own text; its words come from nestedValidation above.
    const englishOnly = requestValidators()
      .filter((m) => m.type !== ValidationTypes.NESTED_VALIDATION && (typeof m.message === 'string' || typeof m.message === 'function'))
      .map(owner);
    expect(englishOnly).toEqual([]);
  });

  it('says every constraint differently in Dutch and English, never empty', () => {
    for (const constraint of Object.keys(VALIDATION_MESSAGES)) {
      for (const each of [false, true]) {
        const problem = { constraint, args: [2, 200], each, property: 'extra' };
        const [nl, en] = LANGUAGES.map((l) => validationMessage(problem, l));
        expect({ constraint, nl: nl!.trim() !== '', en: en!.trim() !== '', differ: nl !== en }).toEqual({ constraint, nl: true, en: true, differ: true });
      }
    }
    expect(REQUEST_NOT_VALID.nl).not.toEqual(REQUEST_NOT_VALID.en);
  });

  it('answers a refused body in Dutch or in English, field by field, the unknown field and the top-level message included', async () => {
    const error = await refusal({ ...draft, vision: 'kort', horizonYear: 1999, objectives: [''], milestones: [{ title: 'x', dueDate: '2027-02-30' }], extra: 1 });
    expect(error.in('nl')).toEqual({
      message: 'Het verzoek is niet geldig; zie de meldingen per veld.',
      fieldErrors: expect.arrayContaining([
        { field: 'extra', messages: ['Het veld ‘extra’ bestaat hier niet; laat het weg.'] },
        { field: 'vision', messages: ['Dit veld moet tussen 10 en 20.000 tekens lang zijn.'] },
        { field: 'horizonYear', messages: ['Dit veld moet minstens 2020 zijn.'] },
        { field: 'objectives', messages: ['Elke waarde moet tussen 1 en 2000 tekens lang zijn.'] },
        { field: 'milestones.0.title', messages: ['Dit veld moet tussen 2 en 500 tekens lang zijn.'] },
        { field: 'milestones.0.dueDate', messages: ['Dit veld moet een bestaande kalenderdag (JJJJ-MM-DD), bv. 2027-06-30 zijn.'] },
      ]),
    });
    expect(error.in('en')).toEqual({
      message: 'The request is not valid; see the messages per field.',
      fieldErrors: expect.arrayContaining([
        { field: 'extra', messages: ['The field ‘extra’ does not exist here; leave it out.'] },
        { field: 'vision', messages: ['This field must be between 10 and 20,000 characters long.'] },
        { field: 'horizonYear', messages: ['This field must be at least 2020.'] },
        { field: 'milestones.0.dueDate', messages: ['This field must be a real calendar date (YYYY-MM-DD), e.g. 2027-06-30.'] },
      ]),
    });
    // Read as a plain DomainError (a log line, another caller) it is Dutch.
    expect(error.message).toBe(REQUEST_NOT_VALID.nl);
    expect(error.fieldErrors).toEqual(error.in('nl').fieldErrors);
  });

  it('says a nested item that is not an object, in both languages', async () => {
    const nested = await refusal({ ...draft, milestones: ['geen object'] });
    expect(nested.in('nl').fieldErrors).toEqual([{ field: 'milestones.0', messages: ['Dit veld moet een object met velden zijn.'] }]);
    expect(nested.in('en').fieldErrors).toEqual([{ field: 'milestones.0', messages: ['This field must be an object with fields.'] }]);
  });

  it('chooses the language by Accept-Language: Dutch unless English is preferred', () => {
    // Express's own request, as the error filter gets it.
    const req = (header?: string) => Object.assign(Object.create(express.request) as express.Request, { headers: header === undefined ? {} : { 'accept-language': header } });
    expect(languageOf(req())).toBe('nl');
    expect(languageOf(req('nl-BE,nl;q=0.9,en;q=0.8'))).toBe('nl');
    expect(languageOf(req('en-GB,en;q=0.9'))).toBe('en');
    expect(languageOf(req('fr-BE'))).toBe('nl');
    expect(languageOf(req('de, en;q=0.5, nl;q=0.4'))).toBe('en');
    expect(languageOf(undefined)).toBe('nl');
  });
});
