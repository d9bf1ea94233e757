import type { Page } from 'playwright-core';

/** Steps a resident takes at the kiosk, shared by the e2e suites that need a real submission. */

// A valid GB 11643 number (check character X).
export const ID_NUMBER = '11010519491231002X';

export async function openService(page: Page, service: 'legalAid' | 'mediation'): Promise<void> {
  await page.getByTestId(`tile-${service}`).click();
  await page.getByTestId('intake-consent').waitFor({ timeout: 15_000 });
}

export async function next(page: Page): Promise<void> {
  await page.getByRole('button', { name: '下一步', exact: true }).click();
}

/** With a reader the applicant group asks for the card first; without one it shows the fields. */
export async function enterApplicantByHand(page: Page): Promise<void> {
  await page.getByTestId('intake-group-applicant').waitFor();
  const byHand = page.getByRole('button', { name: '没有身份证？手动填写' });
  if ((await byHand.count()) > 0) await byHand.click();
}

export async function fillApplicant(page: Page, options: { sex?: boolean; name?: string } = {}): Promise<void> {
  await page.getByLabel('姓名', { exact: true }).fill(options.name ?? '张三');
  await page.getByLabel('公民身份号码', { exact: true }).fill(ID_NUMBER);
  if (options.sex) await page.getByRole('radio', { name: '男' }).click();
  await page.getByLabel(/^住址/).fill('示范县示范镇人民路 8 号');
  await page.getByLabel('联系电话', { exact: true }).fill('13800138000');
}

async function submitAndReadReceipt(page: Page): Promise<string> {
  await page.getByTestId('intake-review').waitFor();
  await page.getByRole('button', { name: '确认无误，提交' }).click();
  await page.getByTestId('intake-receipt').waitFor({ timeout: 15_000 });
  const receiptNo = (await page.getByTestId('intake-receipt-no').innerText()).trim();
  await page.getByRole('button', { name: '完成，返回首页' }).click();
  await page.getByTestId('kiosk-home').waitFor();
  return receiptNo;
}

/** A legal-aid application by a wage claimant (means-tested branch); returns the receipt number. */
export async function completeLegalAid(page: Page, name = '张三'): Promise<string> {
  await openService(page, 'legalAid');
  await page.getByRole('button', { name: '我已阅读并同意' }).click();
  await enterApplicantByHand(page);
  await fillApplicant(page, { sex: true, name });
  await next(page);
  await page.getByTestId('intake-group-matter').waitFor();
  await page.getByRole('radio', { name: /请求确认劳动关系或者支付劳动报酬/ }).click();
  await next(page);
  await page.getByTestId('intake-group-precheck').waitFor();
  await page.getByRole('radio', { name: /家庭暴力的受害人/ }).click();
  await next(page);
  await page.getByTestId('intake-group-facts').waitFor();
  await page.getByLabel(/请简要说明发生了什么/).fill('在工地干了半年活，老板一直拖欠工资不给。');
  await next(page);
  await page.getByTestId('intake-group-materials').waitFor();
  await next(page);
  await page.getByTestId('intake-group-confirm').waitFor();
  await page.getByRole('checkbox', { name: /我单独同意处理我的敏感个人信息/ }).click();
  await page.getByRole('checkbox', { name: /我确认所填内容真实/ }).click();
  await page.getByRole('button', { name: '下一步：核对信息' }).click();
  return submitAndReadReceipt(page);
}

/** A neighbour dispute with one other party; returns the receipt number. */
export async function completeMediation(page: Page, name = '李四'): Promise<string> {
  await openService(page, 'mediation');
  await page.getByRole('button', { name: '我已阅读并同意' }).click();
  await enterApplicantByHand(page);
  await fillApplicant(page, { name });
  await next(page);
  await page.getByTestId('intake-group-parties').waitFor();
  const party = page.getByTestId('repeat-otherParties-1');
  await party.getByLabel('姓名或单位名称', { exact: true }).fill('王五');
  await party.getByRole('radio', { name: '邻居' }).click();
  await next(page);
  await page.getByTestId('intake-group-dispute').waitFor();
  await page.getByRole('radio', { name: '邻里' }).click();
  await page.getByLabel('纠纷经过', { exact: true }).fill('邻居在我家门口堆放杂物，多次协商未果。');
  await page.getByLabel('您希望怎样解决（调解请求）', { exact: true }).fill('请对方清理杂物。');
  await next(page);
  await page.getByTestId('intake-group-schedule').waitFor();
  await page.getByRole('checkbox', { name: '周二上午' }).click();
  await next(page);
  await page.getByTestId('intake-group-confirm').waitFor();
  await page.getByRole('checkbox', { name: /我自愿申请人民调解/ }).click();
  await page.getByRole('button', { name: '下一步：核对信息' }).click();
  return submitAndReadReceipt(page);
}
