import type { CommunityConfig, ReportProblem } from "@linli/core";
import { QUOTING_ACTOR } from "./pricing-bridge";
import { type VolunteersOptions, helpKindsOf } from "./volunteers-config";

/**
 * With the pricing plugin installed, a kind of help with a `priceResource` is quoted through
 * pricing as the system account `volunteers` ({@link QUOTING_ACTOR}), and the kernel verifies
 * every actor: that account must be a declared member of kind `system`, and allowed to quote
 * when `permissions` narrows `pricing.quote`. Checked at load (`QUOTING_ACCOUNT_NOT_MEMBER`,
 * `QUOTING_ACCOUNT_NOT_PERMITTED`) rather than failing the first priced request. A member
 * only added at run time (`core.members.add`) does not count: the configuration must stand
 * on its own.
 */
export function checkQuotingAccount(
  options: VolunteersOptions,
  config: CommunityConfig,
  report: ReportProblem,
): void {
  // Every installed plugin's section is in the checked configuration, given or not.
  if (!("pricing" in config)) return;
  const priced = [...helpKindsOf(options).values()].find((kind) => kind.priceResource !== undefined);
  if (!priced) return;
  const { id, kind } = QUOTING_ACTOR;
  const member = (config.members ?? []).find((m) => m.id === id);
  if (member?.kind !== kind) {
    report(["members"], "QUOTING_ACCOUNT_NOT_MEMBER", {
      "zh-CN": `志愿服务按系统账号 "${id}" 向收费插件询价（求助类别 "${priced.id}" 有 priceResource），但 members 中没有声明该系统账号：请加入 { id: "${id}", kind: "${kind}" }`,
      en: `Volunteers quotes prices through pricing as the system account "${id}" (kind of help "${priced.id}" has a priceResource), but members does not declare it as a system account: add { id: "${id}", kind: "${kind}" }`,
    });
    return;
  }
  const allowed = config.permissions?.["pricing.quote"];
  const roles = member.roles ?? [kind];
  if (allowed && !roles.some((role) => allowed.includes(role)))
    report(["permissions", "pricing.quote"], "QUOTING_ACCOUNT_NOT_PERMITTED", {
      "zh-CN": `系统账号 "${id}" 的角色（${roles.join("、")}）不在 pricing.quote 允许的角色中，志愿服务无法为求助询价`,
      en: `The roles of the system account "${id}" (${roles.join(", ")}) may not run pricing.quote: volunteers could not price help requests`,
    });
}
