import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SEED_ID = '000_204df86a34e42382';

/** A small local regulation with chapters and articles, for the article route. */
export const LAW = `# 青岛市示范管理条例

2020年1月1日 青岛市人民代表大会常务委员会通过

## 第一章 总则

第一条 为了规范示范管理工作，根据有关法律，制定本条例。

第二条 本条例适用于本市行政区域内的示范管理活动。

第十条 申请人办理示范登记，应当提交身份证明和申请表，登记机关应当在五个工作日内作出决定。

第二十条 违反本条例第十条规定，未办理示范登记的，由登记机关责令改正，处二百元以上五百元以下罚款。
`;

/**
 * The corpus of the spine scenario on disk: seeds/ plus the demo law, in a fresh temp dir
 * (`root`, with the corpus in `root/corpus`). The seed's text is returned for offset checks.
 */
export async function makeSpineCorpus(
  prefix: string,
): Promise<{ root: string; corpus: string; seedText: string }> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  const corpus = join(root, 'corpus');
  await mkdir(join(corpus, 'laws'), { recursive: true });
  await cp('seeds', join(corpus, 'seeds'), { recursive: true });
  await writeFile(join(corpus, 'laws', 'law-demo.md'), LAW);
  const seedText = await readFile(join('seeds', `${SEED_ID}.txt`), 'utf8');
  return { root, corpus, seedText };
}
