import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { maintenanceWindowEnv } from '../../../lambdas/actions/executors/maintenance-window.js';
import { HANDLERS } from '../../../lib/handlers.js';
import { synthesise } from '../support/synth.js';

const window = { days: ['sat', 'sun'], startUtc: '02:00', durationHours: 4 };
const configured = synthesise({ enabledExecutors: ['ec2-instance-type'], maintenanceWindow: window, tagScope: 'headroom:managed=true' });
const plain = synthesise({ enabledExecutors: ['ec2-instance-type'], tagScope: 'headroom:managed=true' });
afterAll(() => {
  configured.cleanup();
  plain.cleanup();
});
afterEach(() => {
  delete process.env.MAINTENANCE_WINDOW;
});

const APPLY_ROLES = ['precheck', 'rollback-point', 'apply', 'validate', 'rollback', 'notify-outcome'] as const;
const envOf = (synth: typeof configured, role: keyof typeof HANDLERS) =>
  (synth.json.Resources[HANDLERS[role].logicalId].Properties?.Environment as { Variables: Record<string, unknown> }).Variables;

describe('apply functions', () => {
  it('pass the maintenance window to every apply step as the JSON the executors read back', () => {
    for (const role of APPLY_ROLES) {
      const value = envOf(configured, role).MAINTENANCE_WINDOW;
      expect(typeof value, role).toBe('string');
      process.env.MAINTENANCE_WINDOW = value as string;
      expect(maintenanceWindowEnv(), role).toEqual(window);
    }
  });

  it('leave MAINTENANCE_WINDOW unset without a configured window, so instances are never restarted', () => {
    for (const role of APPLY_ROLES) expect(envOf(plain, role), role).not.toHaveProperty('MAINTENANCE_WINDOW');
    expect(maintenanceWindowEnv()).toBeUndefined();
  });

  it('give no other function the window', () => {
    expect(envOf(configured, 'collect-inventory')).not.toHaveProperty('MAINTENANCE_WINDOW');
    expect(envOf(configured, 'interactions')).not.toHaveProperty('MAINTENANCE_WINDOW');
  });
});
