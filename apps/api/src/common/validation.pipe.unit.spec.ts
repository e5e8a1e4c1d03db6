import { describe, expect, it } from '@jest/globals';
import { BadRequestException } from '@nestjs/common';
import { IsString, getMetadataStorage, registerDecorator } from 'class-validator';
import '../app.module.js';
import { createValidationPipe } from './validation.pipe.js';

type Storage = { constraintMetadatas: Map<object, { name?: string; async: boolean }[]> };

class Probe {
  @IsString() name!: string;
}

describe('createValidationPipe', () => {
  it('validates synchronously, so no DTO of the app may carry an async rule (validateSync would skip it)', () => {
    const constraints = [...(getMetadataStorage() as unknown as Storage).constraintMetadatas.values()].flat();
    expect(constraints.length).toBeGreaterThan(0);
    expect(constraints.filter((c) => c.async).map((c) => c.name)).toEqual([]);
  });

  it('would notice an async rule: the check above is not vacuous', () => {
    class WithAsync {
      field!: string;
    }
    registerDecorator({ name: 'slowCheck', target: WithAsync, propertyName: 'field', async: true, validator: { validate: async () => true } });
    const constraints = [...(getMetadataStorage() as unknown as Storage).constraintMetadatas.values()].flat();
    expect(constraints.some((c) => c.async && c.name === 'slowCheck')).toBe(true);
  });

  it('answers field-level errors and passes a valid body through as the DTO', async () => {
    const pipe = createValidationPipe();
    const meta = { type: 'body' as const, metatype: Probe };
    await expect(pipe.transform({ name: 'ok' }, meta)).resolves.toBeInstanceOf(Probe);
    const error = await pipe.transform({ name: 3, extra: 1 }, meta).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as BadRequestException).getResponse()).toMatchObject({
      errors: expect.arrayContaining([{ field: 'name', messages: ['name must be a string'] }, { field: 'extra', messages: ['property extra should not exist'] }]),
    });
  });
});
