import { validate } from 'class-validator';
import { IsSafeEmail } from './safe-email';

class Body {
  @IsSafeEmail() email!: unknown;
}

const errors = async (email: unknown) => (await validate(Object.assign(new Body(), { email }))).map((e) => Object.keys(e.constraints ?? {}));

describe('IsSafeEmail', () => {
  it('accepts an address and refuses what is not one, under the constraint name isEmail', async () => {
    expect(await errors('jan.peeters@example.be')).toEqual([]);
    expect(await errors('geen adres')).toEqual([['isEmail']]);
    expect(await errors(42)).toEqual([['isEmail']]);
  });

  it('refuses text with a lone surrogate instead of throwing (IsEmail throws URIError)', async () => {
    expect(await errors('a\uD800@example.be')).toEqual([['isEmail']]);
  });
});
