/**
 * Place names a document or a question may name: the cities of Shandong (the product's home) and
 * China's provinces and a few large cities, with the region each stands for.
 */
export const SHANDONG_CITIES = [
  '青岛',
  '济南',
  '淄博',
  '枣庄',
  '东营',
  '烟台',
  '潍坊',
  '济宁',
  '泰安',
  '威海',
  '日照',
  '临沂',
  '德州',
  '聊城',
  '滨州',
  '菏泽',
];

export const PROVINCES: Record<string, string> = {
  北京: '北京市',
  天津: '天津市',
  上海: '上海市',
  重庆: '重庆市',
  河北: '河北省',
  山西: '山西省',
  辽宁: '辽宁省',
  吉林: '吉林省',
  黑龙江: '黑龙江省',
  江苏: '江苏省',
  浙江: '浙江省',
  安徽: '安徽省',
  福建: '福建省',
  江西: '江西省',
  山东: '山东省',
  河南: '河南省',
  湖北: '湖北省',
  湖南: '湖南省',
  广东: '广东省',
  海南: '海南省',
  四川: '四川省',
  贵州: '贵州省',
  云南: '云南省',
  陕西: '陕西省',
  甘肃: '甘肃省',
  青海: '青海省',
  台湾: '台湾省',
  内蒙古: '内蒙古自治区',
  广西: '广西壮族自治区',
  西藏: '西藏自治区',
  宁夏: '宁夏回族自治区',
  新疆: '新疆维吾尔自治区',
  香港: '香港特别行政区',
  澳门: '澳门特别行政区',
  广州: '广东省广州市',
  深圳: '广东省深圳市',
  杭州: '浙江省杭州市',
  武汉: '湖北省武汉市',
  南京: '江苏省南京市',
  成都: '四川省成都市',
};

/** Every place name, longest first (so 内蒙古 wins over a shorter overlap). */
export const PLACE_NAMES: readonly string[] = [...SHANDONG_CITIES, ...Object.keys(PROVINCES)].sort(
  (a, b) => b.length - a.length,
);

/** The place names mentioned in `text`, in order of first mention, without repeats. */
export function placesIn(text: string): string[] {
  return PLACE_NAMES.filter((name) => text.includes(name)).sort((a, b) => text.indexOf(a) - text.indexOf(b));
}

const PLACE_WORD = new RegExp(`^(?:${PLACE_NAMES.join('|')})(?:省|市|区|县|自治区|特别行政区)?$`);

/**
 * A query term group that only names a place (青岛, 青岛市, 山东省), not one that merely contains a
 * place name (数字青岛, 广州市公安局: a programme, an institution). The one rule for leaving the
 * asked place out of what a passage must cover: the answerability features and the guide check.
 */
export function isPlaceGroup(group: readonly string[]): boolean {
  return group.length > 0 && (PLACE_WORD.test(group[0]) || DISTRICT_WORD.test(group[0]));
}

/**
 * The districts and county-level cities of Qingdao, the demo's city: where the asker lives or the
 * thing is ("市南区能放鞭炮吗", "在李沧开了个小厂"), said like a city. A rule that applies there
 * names the district in its scope article, so a passage holding only the district (…在市南区、市北区、
 * 李沧区行政区域内，禁止拖拉机行驶) answers nothing of the question. 崂山 alone is the mountain (a
 * topic: 崂山风景区), not the district; 市南区 and 市北区 are named whole (城市南部 is no district).
 */
const QINGDAO_DISTRICTS = [
  '市南区',
  '市北区',
  '李沧',
  '崂山区',
  '黄岛',
  '西海岸新区',
  '城阳',
  '即墨',
  '胶州',
  '平度',
  '莱西',
];

const DISTRICT_WORD = new RegExp(`^(?:${QINGDAO_DISTRICTS.join('|')})(?:区|市)?$`);

/** Whether a text names one of Qingdao's districts (QINGDAO_DISTRICTS; 崂山区, not the mountain). */
export function namesQingdaoDistrict(text: string): boolean {
  return QINGDAO_DISTRICTS.some((d) => text.includes(d));
}

/** A query term group that names one of Qingdao's districts (QINGDAO_DISTRICTS). */
export function isDistrictGroup(group: readonly string[]): boolean {
  return group.length > 0 && DISTRICT_WORD.test(group[0]);
}
