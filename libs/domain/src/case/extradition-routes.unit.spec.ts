import { describe, expect, it } from '@jest/globals';
import { checkNextStage, missingBeforeDecision, routeInapplicability, routePlan } from './extradition-routes.js';

describe('extradition routes', () => {
  it('applies the Nordic warrant between Nordic states, the EAW between other member states, else third country', () => {
    expect(routeInapplicability('nordic-arrest-warrant', 'NO', 'DK')).toBeUndefined();
    expect(routeInapplicability('european-arrest-warrant', 'FI', 'SE')).toMatch(/Nordic/);
    expect(routeInapplicability('european-arrest-warrant', 'DE', 'DK')).toBeUndefined();
    expect(routeInapplicability('third-country', 'NO', 'DE')).toBeUndefined();
    expect(routeInapplicability('third-country', 'SE', 'AE')).toBeUndefined();
    expect(routeInapplicability('third-country', 'FR', 'SE')).toMatch(/European/);
  });

  it('computes no deadline where the reference gives none', () => {
    expect(routePlan('nordic-arrest-warrant', 'NO').stages[0].deadline).toBeUndefined();
    expect(routePlan('nordic-arrest-warrant', 'NO').consentDecisionDays).toBeUndefined();
    expect(routePlan('third-country', 'TR').stages.every((r) => r.deadline === undefined)).toBe(true);
  });

  it('lets consent replace the Supreme Court review in SE third-country cases', () => {
    const plan = routePlan('third-country', 'SE');
    const reached = ['request-received', 'prosecutor-general-opinion'] as const;
    expect(missingBeforeDecision(plan, reached, false)).toBe('supreme-court-review');
    expect(missingBeforeDecision(plan, reached, true)).toBeUndefined();
    expect(checkNextStage(plan, reached, 'decision-final', false)).toMatchObject({ ok: false, code: 'EXTRADITION_STAGE_OUT_OF_ORDER' });
    expect(checkNextStage(plan, reached, 'decision-final', true)).toMatchObject({ ok: true });
  });
});
