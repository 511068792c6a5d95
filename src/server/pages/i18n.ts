/**
 * The verification pages' words, in English and Chinese, chosen by the browser's Accept-Language
 * (RFC 9110 §12.5.4: the highest-weighted tag we have wins; zh* means Chinese, anything else English).
 */
export type Lang = 'en' | 'zh';

export function pickLang(acceptLanguage: string | undefined): Lang {
  let best: { lang: Lang; q: number } | undefined;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!(q > 0)) continue;
    const lang: Lang | undefined = tag === 'zh' || tag.startsWith('zh-') ? 'zh' : tag === 'en' || tag.startsWith('en-') ? 'en' : undefined;
    if (lang && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'en';
}

const en = {
  htmlLang: 'en',
  title: 'Sign in to tokencli',
  codeHeading: 'Enter the code shown in your terminal',
  codeLabel: 'Code',
  codeHint: 'It looks like BCDF-GHJK.',
  continue: 'Continue',
  phoneHeading: 'Your phone number',
  phoneIntro: (device: string) => `“${device}” asks to sign in. We will send you a code by SMS to check the number is yours.`,
  phoneLabel: 'Phone number',
  phoneHint: 'Mainland China numbers may leave out +86; others start with + and the country code.',
  sendCode: 'Send code',
  smsHeading: 'Enter the SMS code',
  smsIntro: (phone: string) => `We sent a 6-digit code to ${phone}.`,
  smsLabel: 'SMS code',
  verify: 'Verify',
  confirmHeading: 'Approve this sign-in?',
  confirmIntro: (device: string, phone: string) => `“${device}” will get a new API key for the account of ${phone}. Approve only if you started this sign-in yourself.`,
  newAccount: 'No account has this number yet: approving creates one.',
  approve: 'Approve',
  deny: 'Deny',
  badDecision: 'Choose Approve or Deny.',
  approvedHeading: 'Signed in',
  approvedBody: (device: string) => `tokencli on “${device}” is now signed in. You can close this page and return to your terminal.`,
  deniedHeading: 'Sign-in denied',
  deniedBody: (device: string) => `Nothing was given to “${device}”. You can close this page.`,
  expiredHeading: 'This code has expired',
  expiredBody: 'Run tokencli login --web again for a new code.',
  usedHeading: 'This code was already used',
  usedBody: 'Each code signs in once. Run tokencli login --web again for a new one.',
  lockedHeading: 'Too many codes sent',
  lockedBody: 'This sign-in cannot send more SMS codes. Run tokencli login --web again.',
  malformedCode: 'That is not a code: codes are 8 letters, like BCDF-GHJK.',
  unknownCode: 'No sign-in is waiting for that code. Check the code in your terminal.',
  rateLimited: (seconds: number) => `Too many attempts. Try again in ${seconds} seconds.`,
  badPhone: 'That is not a phone number we can send an SMS to.',
  wrongSms: (left: number) => `Wrong code: ${left} ${left === 1 ? 'attempt' : 'attempts'} left.`,
  smsLocked: 'Too many wrong codes: that code no longer works. Send a new one.',
  csrfHeading: 'This form has expired',
  csrfBody: 'Go back, reload the page and try again.',
  startOver: 'Start again',
};

export type Strings = typeof en;

const zh: Strings = {
  htmlLang: 'zh-CN',
  title: '登录 tokencli',
  codeHeading: '输入终端中显示的代码',
  codeLabel: '代码',
  codeHint: '格式如 BCDF-GHJK。',
  continue: '继续',
  phoneHeading: '手机号码',
  phoneIntro: (device) => `“${device}”请求登录。我们将发送短信验证码，确认该号码属于您。`,
  phoneLabel: '手机号码',
  phoneHint: '中国大陆号码可省略 +86；其他号码请以 + 和国家代码开头。',
  sendCode: '发送验证码',
  smsHeading: '输入短信验证码',
  smsIntro: (phone) => `6 位验证码已发送至 ${phone}。`,
  smsLabel: '短信验证码',
  verify: '验证',
  confirmHeading: '是否批准此次登录？',
  confirmIntro: (device, phone) => `“${device}”将获得 ${phone} 账户的一个新 API 密钥。仅当此次登录由您本人发起时才批准。`,
  newAccount: '该号码尚无账户：批准后将创建新账户。',
  approve: '批准',
  deny: '拒绝',
  badDecision: '请选择批准或拒绝。',
  approvedHeading: '登录成功',
  approvedBody: (device) => `“${device}”上的 tokencli 已登录。您可以关闭此页面并返回终端。`,
  deniedHeading: '已拒绝登录',
  deniedBody: (device) => `未向“${device}”授予任何权限。您可以关闭此页面。`,
  expiredHeading: '此代码已过期',
  expiredBody: '请重新运行 tokencli login --web 获取新代码。',
  usedHeading: '此代码已被使用',
  usedBody: '每个代码只能登录一次。请重新运行 tokencli login --web 获取新代码。',
  lockedHeading: '发送的验证码过多',
  lockedBody: '此次登录不能再发送短信验证码。请重新运行 tokencli login --web。',
  malformedCode: '代码格式不对：应为 8 个字母，如 BCDF-GHJK。',
  unknownCode: '没有等待此代码的登录请求，请核对终端中的代码。',
  rateLimited: (seconds) => `尝试次数过多，请在 ${seconds} 秒后重试。`,
  badPhone: '无法向该号码发送短信，请检查号码。',
  wrongSms: (left) => `验证码错误，还可尝试 ${left} 次。`,
  smsLocked: '错误次数过多，该验证码已失效，请重新获取。',
  csrfHeading: '表单已失效',
  csrfBody: '请返回并刷新页面后重试。',
  startOver: '重新开始',
};

export const STRINGS: Record<Lang, Strings> = { en, zh };
