import type { DocumentMeta } from '../../src/domain.js';

/** Two small hand-written documents used by the service tests. */
export const FAKE_DOCS: { meta: DocumentMeta; text: string }[] = [
  {
    meta: {
      id: 'gongzufang-guide',
      title: '青岛市公共租赁住房申请办事指南',
      docNumber: '青住建字【2024】8号',
      publishDate: '2024-03-01',
      authority: '青岛市住房和城乡建设局',
      type: '办事指南',
      phone: '0532-12345678',
      sourcePath: 'gongzufang-guide.txt',
    },
    text: [
      '青岛市公共租赁住房申请办事指南',
      '一、申请条件',
      '申请公租房的家庭，人均住房建筑面积须低于15平方米，家庭人均月收入低于3000元。',
      '二、申请材料',
      '申请公租房需要携带身份证、户口簿、收入证明和住房情况证明，到街道便民服务中心提交。',
      '三、办理时限',
      '街道受理后20个工作日内完成审核，审核结果公示5个工作日。',
    ].join('\n'),
  },
  {
    meta: {
      id: 'shuzi-qingdao',
      title: '《数字青岛2025年行动方案》政策解读',
      docNumber: '青政办字【2025】21号',
      publishDate: '2025-05-16',
      authority: '青岛市大数据发展管理局',
      type: '政策解读',
      sourcePath: 'shuzi-qingdao.txt',
    },
    text: [
      '《数字青岛2025年行动方案》政策解读',
      '一、实施数字经济提质工程',
      '力争数字经济核心产业增加值占地区生产总值比重达到12%以上，建成3个千亿级数字经济产业集群。',
      '二、建设数据基础设施',
      '新建5G基站4000个，5G基站总数达到4.5万个。',
    ].join('\n'),
  },
];
