import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import { IsArray, IsString, Length, Matches, validateSync, ValidateNested } from 'class-validator';
import { toFieldErrors, localizedMessage } from './validation';

class LineProbe {
  @IsString() @Length(2, 5) title!: string;
}

class OrderProbe {
  @IsString() clusterName!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => LineProbe) lines!: LineProbe[];
  @Matches(/^[a-z]+$/, localizedMessage({ nl: 'Enkel kleine letters.', en: 'Lowercase letters only.' })) code!: string;
}

const errorsOf = (body: object) => validateSync(plainToInstance(OrderProbe, body));

describe('toFieldErrors', () => {
  it('flattens nested errors into dotted field paths, in the language asked (Dutch by default)', () => {
    const errors = errorsOf({ clusterName: 3, lines: [{ title: 'abcdefgh' }], code: 'ok' });
    expect(toFieldErrors(errors)).toEqual([
      { field: 'clusterName', messages: ['Dit veld moet tekst zijn.'] },
      { field: 'lines.0.title', messages: ['Dit veld moet tussen 2 en 5 tekens lang zijn.'] },
    ]);
    expect(toFieldErrors(errors, 'en')).toEqual([
      { field: 'clusterName', messages: ['This field must be text.'] },
      { field: 'lines.0.title', messages: ['This field must be between 2 and 5 characters long.'] },
    ]);
  });

  it("uses a decorator's own words where it gives them", () => {
    const errors = errorsOf({ clusterName: 'x', lines: [], code: 'NOPE' });
    expect(toFieldErrors(errors)).toEqual([{ field: 'code', messages: ['Enkel kleine letters.'] }]);
    expect(toFieldErrors(errors, 'en')).toEqual([{ field: 'code', messages: ['Lowercase letters only.'] }]);
  });
});
