import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { demoSite, launchChromium, openApp, screenshot, startHost, type RunningHost } from './harness';
import { fillApplicant, ID_NUMBER, next, openService } from './kiosk-flows';
import { FIXTURES } from '../../native-bridges/idcard/fixtures';

/**
 * A resident at the kiosk walks through the interviews declared in kiosk-config/forms: consent,
 * one group at a time, review, receipt; a wrong answer is named and stops the submission; a
 * pause gives a pickup code that brings the answers back.
 */

function watchSubmissions(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('/api/intakeSubmit')) calls.push(path);
  });
  return calls;
}

describe('intake interviews on the kiosk (Chromium)', () => {
  let host: RunningHost;
  let browser: Browser;

  beforeAll(async () => {
    // The demo site's simulated reader: the applicant group asks for the card first.
    host = await startHost({ site: demoSite({ devices: { idcard: { port: 'simulated' } } }) });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('a domestic-violence victim applies for legal aid: consent, pre-check notice, review, receipt', async () => {
    const page = await openApp(browser, host);
    const submissions = watchSubmissions(page);
    await page.getByTestId('kiosk-home').waitFor({ timeout: 15_000 });
    await openService(page, 'legalAid');

    // Step 0: the PIPL notice, before anything personal is asked.
    const consent = page.getByTestId('intake-consent');
    await expect.poll(() => consent.innerText()).toContain('我们收集什么');
    const consentText = await consent.innerText();
    for (const part of ['用来做什么', '谁能看到', '保存多久', '县（区）法律援助中心', '10 年']) expect(consentText).toContain(part);
    expect(await page.locator('input, textarea').count()).toBe(0);
    await screenshot(page, 'intake-consent');
    await page.getByRole('button', { name: '我已阅读并同意' }).click();

    // Applicant: the card prompt first, then by hand.
    await page.getByTestId('intake-group-applicant').waitFor();
    await page.getByTestId('card-prompt').waitFor();
    await screenshot(page, 'intake-card-prompt');
    await page.getByRole('button', { name: '没有身份证？手动填写' }).click();
    await fillApplicant(page, { sex: true });
    await next(page);

    await page.getByTestId('intake-group-matter').waitFor();
    await page.getByRole('radio', { name: /请求给付赡养费/ }).click();
    await next(page);

    // The pre-check branch: a victim of domestic violence is not means-tested (Legal Aid Law art. 32).
    await page.getByTestId('intake-group-precheck').waitFor();
    expect(await page.getByTestId('notice-hardshipWaived').count()).toBe(0);
    await page.getByRole('radio', { name: /家庭暴力的受害人/ }).click();
    await page.getByTestId('notice-hardshipWaived').waitFor();
    expect(await page.getByTestId('notice-hardshipWaived').innerText()).toContain('不受经济困难条件限制');
    expect(await page.getByRole('radio', { name: /最低生活保障对象/ }).count()).toBe(0);
    await screenshot(page, 'intake-question-group');
    await next(page);

    // No statement of finances for this branch: straight to the facts.
    await page.getByTestId('intake-group-facts').waitFor();
    await page.getByLabel(/请简要说明发生了什么/).fill('丈夫长期殴打我，我想离婚并要求孩子的抚养费。');
    await next(page);

    await page.getByTestId('intake-group-materials').waitFor();
    await page.getByRole('checkbox', { name: '身份证件（原件及复印件）' }).click();
    expect(await page.getByRole('checkbox', { name: '身份证件（原件及复印件）' }).getAttribute('aria-checked')).toBe('true');
    await next(page);

    await page.getByTestId('intake-group-confirm').waitFor();
    await page.getByRole('checkbox', { name: /我单独同意处理我的敏感个人信息/ }).click();
    await page.getByRole('checkbox', { name: /我确认所填内容真实/ }).click();
    await page.getByRole('button', { name: '下一步：核对信息' }).click();

    // Review: every answer with its label, personal ones masked, the disclaimer in plain words.
    const review = page.getByTestId('intake-review');
    await review.waitFor();
    const reviewText = await review.innerText();
    expect(reviewText).toContain('请求给付赡养费、抚养费、扶养费');
    expect(reviewText).toContain('遭受虐待、遗弃或者家庭暴力的受害人主张相关权益');
    expect(reviewText).toContain('身份证件（原件及复印件）');
    expect(reviewText).toContain('张*');
    expect(reviewText).toContain('1101**********002X');
    expect(reviewText).not.toContain(ID_NUMBER);
    expect(reviewText).not.toContain('个人经济状况声明');
    expect(await page.getByTestId('intake-disclaimer').innerText()).toContain('由法律援助机构依法审查后决定');
    await screenshot(page, 'intake-review');
    expect(submissions).toHaveLength(0);

    await page.getByRole('button', { name: '确认无误，提交' }).click();
    const receipt = page.getByTestId('intake-receipt');
    await receipt.waitFor({ timeout: 15_000 });
    const receiptNo = (await page.getByTestId('intake-receipt-no').innerText()).trim();
    expect(receiptNo.length).toBeGreaterThan(4);
    const receiptText = await receipt.innerText();
    expect(receiptText).toContain('办理进度可凭回执号查询');
    expect(receiptText).toContain('工作人员会在 3 个工作日内初审');
    await page.getByTestId('qr-code').waitFor();
    await screenshot(page, 'intake-receipt');
    expect(submissions).toHaveLength(1);

    // The core has it under that number.
    const lookup = await host.call<{ receiptNo: string; formId: string }[]>('progressLookup', { receiptNo });
    expect(lookup.ok).toBe(true);
    expect(lookup.result?.[0]?.formId).toBe('legal-aid');

    await page.getByRole('button', { name: '完成，返回首页' }).click();
    await page.getByTestId('kiosk-home').waitFor();
  });

  it('a mediation request with one other party is submitted', async () => {
    const page = await openApp(browser, host);
    await page.getByTestId('kiosk-home').waitFor({ timeout: 15_000 });
    await openService(page, 'mediation');
    await page.getByRole('button', { name: '我已阅读并同意' }).click();
    await page.getByRole('button', { name: '没有身份证？手动填写' }).click();
    await fillApplicant(page);
    await next(page);

    // The list of other parties starts with one empty entry.
    await page.getByTestId('intake-group-parties').waitFor();
    const party = page.getByTestId('repeat-otherParties-1');
    await party.getByLabel('姓名或单位名称', { exact: true }).fill('王五');
    await party.getByRole('radio', { name: '邻居' }).click();
    expect(await page.getByTestId('repeat-otherParties-2').count()).toBe(0);
    await screenshot(page, 'intake-mediation-parties');
    await next(page);

    await page.getByTestId('intake-group-dispute').waitFor();
    await page.getByRole('radio', { name: '邻里' }).click();
    await page.getByLabel('纠纷经过', { exact: true }).fill('邻居在我家门口堆放杂物，多次协商未果。');
    await page.getByLabel('您希望怎样解决（调解请求）', { exact: true }).fill('请对方清理杂物。');
    await next(page);

    await page.getByTestId('intake-group-schedule').waitFor();
    await page.getByRole('checkbox', { name: '周二上午' }).click();
    await page.getByRole('checkbox', { name: '周四下午' }).click();
    await next(page);

    await page.getByTestId('intake-group-confirm').waitFor();
    await page.getByTestId('notice-freeVoluntary').waitFor();
    await page.getByRole('checkbox', { name: /我自愿申请人民调解/ }).click();
    await page.getByRole('button', { name: '下一步：核对信息' }).click();

    const review = page.getByTestId('intake-review');
    await review.waitFor();
    const text = await review.innerText();
    expect(text).toContain('第 1 位');
    expect(text).toContain('王*');
    expect(text).toContain('邻居');
    expect(text).toContain('周二上午、周四下午');
    await page.getByRole('button', { name: '确认无误，提交' }).click();
    await page.getByTestId('intake-receipt').waitFor({ timeout: 15_000 });
    const receiptNo = (await page.getByTestId('intake-receipt-no').innerText()).trim();
    const lookup = await host.call<{ formId: string }[]>('progressLookup', { receiptNo });
    expect(lookup.result?.[0]?.formId).toBe('mediation');
  });

  it('a field failing validation names the field in Chinese and nothing is submitted', async () => {
    const page = await openApp(browser, host);
    const submissions = watchSubmissions(page);
    await page.getByTestId('kiosk-home').waitFor({ timeout: 15_000 });
    await openService(page, 'legalAid');

    // The form's own texts follow the screen language.
    await page.getByRole('button', { name: 'English' }).first().click();
    await expect.poll(() => page.getByTestId('intake-consent').innerText()).toContain('What we collect');
    expect(await page.getByTestId('intake-consent').innerText()).toContain('Legal aid application');
    await page.getByRole('button', { name: '中文' }).first().click();
    await expect.poll(() => page.getByTestId('intake-consent').innerText()).toContain('我们收集什么');

    await page.getByRole('button', { name: '我已阅读并同意' }).click();
    await page.getByRole('button', { name: '没有身份证？手动填写' }).click();
    await page.getByLabel('姓名', { exact: true }).fill('张三');
    await page.getByLabel('公民身份号码', { exact: true }).fill('110105194912310021');
    await page.getByLabel(/^住址/).fill('示范县示范镇人民路 8 号');
    await page.getByLabel('联系电话', { exact: true }).fill('12345');
    await next(page);

    // Still on the applicant group, each wrong field named with the reason.
    await page.getByTestId('intake-issues').waitFor();
    const summary = await page.getByTestId('intake-issues').innerText();
    expect(summary).toContain('“联系电话”：请填写正确的手机号码或固定电话');
    expect(summary).toContain('“公民身份号码”：身份证号码不正确，请核对');
    const phoneField = page.locator('[data-question="applicantPhone"]');
    expect(await phoneField.innerText()).toContain('请填写正确的手机号码或固定电话');
    expect(await page.getByLabel('联系电话', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('intake-group-matter').count()).toBe(0);
    await screenshot(page, 'intake-validation');

    // Fixing the field removes its message as it is typed.
    await page.getByLabel('联系电话', { exact: true }).focus();
    await page.getByLabel('联系电话', { exact: true }).fill('13800138000');
    await expect.poll(() => phoneField.innerText()).not.toContain('请填写正确的手机号码或固定电话');

    // Leaving mid-way asks first; leaving sends nothing.
    await page.getByRole('button', { name: '返回首页', exact: true }).click();
    await page.getByTestId('intake-exit-dialog').waitFor();
    expect(await page.getByTestId('intake-exit-dialog').innerText()).toContain('暂停，稍后继续');
    await page.getByRole('button', { name: '离开', exact: true }).click();
    await page.getByTestId('kiosk-home').waitFor();
    expect(submissions).toHaveLength(0);
  });

  it('pause gives a pickup code; resuming with it restores the answers', async () => {
    const page = await openApp(browser, host);
    await page.getByTestId('kiosk-home').waitFor({ timeout: 15_000 });
    await openService(page, 'mediation');
    await page.getByRole('button', { name: '我已阅读并同意' }).click();
    await page.getByRole('button', { name: '没有身份证？手动填写' }).click();
    await fillApplicant(page);
    await next(page);
    const party = page.getByTestId('repeat-otherParties-1');
    await party.getByLabel('姓名或单位名称', { exact: true }).fill('王五');
    await party.getByRole('radio', { name: '房东、租户' }).click();

    await page.getByRole('button', { name: '暂停，稍后继续' }).click();
    await page.getByTestId('intake-paused').waitFor({ timeout: 15_000 });
    const code = (await page.getByTestId('intake-pickup-code').innerText()).trim();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(await page.getByTestId('intake-paused').innerText()).toContain('前回来继续填写');
    await page.getByTestId('qr-code').waitFor();
    await screenshot(page, 'intake-paused');
    await page.getByRole('button', { name: '好的，返回首页' }).click();
    await page.getByTestId('kiosk-home').waitFor();

    // Later (a fresh page, as after the idle reset): the code brings the interview back.
    const later = await openApp(browser, host);
    await later.getByTestId('kiosk-home').waitFor({ timeout: 15_000 });
    await openService(later, 'mediation');
    await later.getByRole('button', { name: /输入取件码继续填写/ }).click();
    await later.getByLabel('取件码', { exact: true }).fill(code.toLowerCase());
    await later.getByRole('button', { name: '继续填写', exact: true }).click();

    await later.getByTestId('intake-group-parties').waitFor({ timeout: 15_000 });
    const resumed = later.getByTestId('repeat-otherParties-1');
    expect(await resumed.getByRole('radio', { name: '房东、租户' }).getAttribute('aria-checked')).toBe('true');
    const partyName = resumed.getByLabel('姓名或单位名称', { exact: true });
    expect(await partyName.inputValue()).toBe('王*');
    await resumed.getByRole('button', { name: '显示' }).click();
    expect(await partyName.inputValue()).toBe('王五');

    await later.getByRole('button', { name: '上一步' }).click();
    await later.getByTestId('intake-group-applicant').waitFor();
    expect(await later.getByLabel('联系电话', { exact: true }).inputValue()).toBe('138****8000');
  });

  it('placing the demo card on the simulated reader fills the legal-aid applicant from the card, masked, with a badge', async () => {
    const page = await openApp(browser, host);
    await page.getByTestId('kiosk-home').waitFor({ timeout: 15_000 });
    await openService(page, 'legalAid');
    await page.getByRole('button', { name: '我已阅读并同意' }).click();
    await page.getByTestId('card-prompt').waitFor();
    await page.getByTestId('demo-card').click();

    // The prompt gives way to the fields, filled from the card (read over a PTY from the simulator) and masked until 显示.
    await page.getByTestId('prefilled-applicantName').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('prefilled-applicantName').innerText()).toBe('已从身份证读取');
    expect(await page.getByTestId('prefilled-applicantIdNumber').count()).toBe(1);
    expect(await page.getByTestId('card-prompt').count()).toBe(0);
    const card = FIXTURES.resident.fields;
    const idField = page.getByLabel('公民身份号码', { exact: true });
    expect(await idField.inputValue()).toBe(`${card.idNumber.slice(0, 4)}**********${card.idNumber.slice(-4)}`);
    const nameField = page.getByLabel('姓名', { exact: true });
    expect(await nameField.inputValue()).toBe(`${card.name[0]}**`);
    await screenshot(page, 'intake-card-prefilled');
    // 显示 shows what the card said.
    await page.getByTestId('intake-group-applicant').getByRole('button', { name: '显示' }).first().click();
    await expect.poll(() => nameField.inputValue()).toBe(card.name);
  });
});
