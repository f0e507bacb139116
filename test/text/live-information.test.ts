import { describe, expect, it } from 'vitest';
import { asksLiveInformation } from '../../src/text/live-information.js';

describe('asksLiveInformation', () => {
  it.each([
    '地铁3号线末班车几点从五四广场发车？',
    '明天崂山会不会下雨？',
    '后天市北区会不会刮台风？',
    '我下午去车管所，现在过去要排多久的队？',
    '这周五市立医院还有没有儿科专家号？',
    '今晚从流亭飞北京的航班延误了吗？',
  ])('reads %s as a question for live information', (question) => {
    expect(asksLiveInformation(question)).toBe(true);
  });

  it.each([
    // A day named in the scene, a rule asked.
    '今天轮渡因大风停航，船票退票要扣手续费吗？',
    '明天要刮台风，单位还让上班，这合法吗？',
    // Opening hours are a field of a service guide (办理时间).
    '今天周末，区政务服务大厅开门吗？',
    '明天去政务大厅几点开始办理？',
    // Policy questions that name a time.
    '办居住证需要多长时间？',
    '明天去办护照要带什么材料？',
    '青岛供暖从几月几号开始？',
    '夜间施工几点以后不准干？',
    '公交车首末班时间由谁来定？',
    // A live ask only in a later part: the first part is a policy question.
    '机动车限行的规定是什么？今天限几号？',
  ])('reads %s as a policy question', (question) => {
    expect(asksLiveInformation(question)).toBe(false);
  });
});
