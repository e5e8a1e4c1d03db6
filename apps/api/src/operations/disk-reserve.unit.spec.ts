import { describe, expect, it } from '@jest/globals';
import { HttpException } from '@nestjs/common';
import { DiskReserve } from './disk-reserve.js';

const MB = 1024 * 1024;

function fakeDisk(freeMb: number) {
  const disk = { freeMb, calls: 0, now: 1_000_000 };
  const statfs = async () => {
    disk.calls++;
    return { bavail: Math.round((disk.freeMb * MB) / 4096), bsize: 4096 };
  };
  return { disk, statfs, now: () => disk.now };
}

describe('DiskReserve', () => {
  it('refuses commands with 503 STORE_FULL and Retry-After while free space is at or below the reserve', async () => {
    const { disk, statfs, now } = fakeDisk(10);
    const reserve = new DiskReserve('/data', 64 * MB, statfs, now);
    await reserve.refresh();
    expect(reserve.current()).toMatchObject({ reached: true, freeBytes: 10 * MB, reserveBytes: 64 * MB });
    let refused: unknown;
    try {
      reserve.assertRoomForCommand();
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(HttpException);
    expect((refused as HttpException).getStatus()).toBe(503);
    expect((refused as HttpException).getResponse()).toMatchObject({ code: 'STORE_FULL', headers: { 'retry-after': expect.stringMatching(/^\d+$/) } });

    disk.freeMb = 100;
    await reserve.refresh();
    expect(() => reserve.assertRoomForCommand()).not.toThrow();
  });

  it('asks the file system at most once a second, refreshing in the background', async () => {
    const { disk, statfs, now } = fakeDisk(100);
    const reserve = new DiskReserve('/data', 64 * MB, statfs, now);
    await reserve.refresh();
    expect(disk.calls).toBe(1);
    for (let i = 0; i < 1000; i++) reserve.assertRoomForCommand();
    expect(disk.calls).toBe(1);

    disk.freeMb = 1;
    disk.now += 1000;
    // The stale answer serves this call; the refresh it started serves the next ones.
    expect(() => reserve.assertRoomForCommand()).not.toThrow();
    expect(disk.calls).toBe(2);
    await new Promise((r) => setImmediate(r));
    expect(() => reserve.assertRoomForCommand()).toThrow(HttpException);
  });

  it('refuses nothing with a reserve of 0, or when free space cannot be measured', async () => {
    const { statfs, now } = fakeDisk(0);
    const off = new DiskReserve('/data', 0, statfs, now);
    await off.refresh();
    expect(off.current().reached).toBe(false);
    const unknown = new DiskReserve('/data', 64 * MB, () => Promise.reject(new Error('ENOENT')), now);
    await unknown.refresh();
    expect(unknown.current()).toMatchObject({ reached: false, freeBytes: undefined });
  });
});
