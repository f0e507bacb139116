import { describe, expect, it } from 'vitest';
import { withoutAbsentScene } from '../../src/retrieve/absent-scene.js';
import { indexHolding } from '../fakes/index-idf.js';

describe('time and place words no document holds', () => {
  it('are scene, not topic: 白天 and 屋里 go, the tree and the unknown noun stay', async () => {
    const groups = [['青岛'], ['一楼'], ['大树', '树木'], ['白天'], ['屋里'], ['开灯']];
    const out = await withoutAbsentScene(groups, indexHolding('青岛', '树木'));
    expect(out).toEqual([['青岛'], ['一楼'], ['大树', '树木'], ['开灯']]);
  });

  it('stay when the index holds them or a form of them', async () => {
    const groups = [['晚上', '夜间'], ['室内'], ['装修']];
    expect(await withoutAbsentScene(groups, indexHolding('夜间', '室内', '装修'))).toEqual(groups);
  });

  it('stay when nothing else would remain', async () => {
    expect(await withoutAbsentScene([['白天']], indexHolding())).toEqual([['白天']]);
  });
});
