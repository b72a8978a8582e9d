import { memoryStorage } from "@linli/storage-memory";
import {
  type AnyPlugin,
  type CommunityConfigInput,
  createCommunity,
  type KernelConfigInput,
  manualClock,
  sequentialIds,
} from "../src/index";

/**
 * A configuration as `JSON.parse` or a YAML parser gives it (`any`): not checked at compile
 * time, only by `createCommunity` at run time. For tests of invalid configurations.
 */
export function json(value: unknown): any {
  return value;
}

/** A small valid community configuration (kernel part only). */
export function baseConfig(): KernelConfigInput {
  return {
    community: {
      id: "wangjialong",
      name: { "zh-CN": "王家垅社区", en: "Wangjialong Community" },
      timeZone: "Asia/Shanghai",
      currency: "CNY",
    },
    places: [
      { id: "courtyard-1", kind: "courtyard", name: { "zh-CN": "一号院", en: "Courtyard 1" } },
      { id: "lane-6", kind: "street", name: { "zh-CN": "六巷", en: "Lane 6" } },
    ],
    walking: [{ from: "courtyard-1", to: "lane-6", minutes: 4 }],
    groups: [
      {
        id: "minimum-subsistence",
        name: { "zh-CN": "低保户", en: "Minimum-subsistence household" },
        validForDays: 365,
      },
      { id: "elderly-living-alone", name: { "zh-CN": "独居老人", en: "Elderly living alone" } },
      {
        id: "student",
        name: { "zh-CN": "学生", en: "Student" },
        sensitive: false,
        verification: "self-declared",
      },
    ],
    resources: [
      {
        id: "drying-room",
        kind: "pool",
        name: { "zh-CN": "共享干衣房", en: "Shared drying room" },
        place: "lane-6",
        capacity: 4,
      },
      {
        id: "tool-room",
        kind: "item",
        name: { "zh-CN": "共享工具房", en: "Shared tool room" },
        place: "courtyard-1",
      },
    ],
    resourceGroups: [
      {
        id: "shared",
        name: { "zh-CN": "共享圈", en: "Sharing circle" },
        resources: ["drying-room", "tool-room"],
      },
    ],
    // Every non-resident actor the tests use is declared: linli verifies actor ids.
    members: [
      { id: "desk-1", kind: "staff" },
      { id: "admin-1", kind: "admin" },
      { id: "scheduler", kind: "system" },
    ],
  };
}

/** The staff actor used in tests (declared in {@link baseConfig}'s members, role `desk`). */
export const staff = { kind: "staff", id: "desk-1" } as const;

/** The admin actor used in tests (declared in {@link baseConfig}'s members). */
export const admin = { kind: "admin", id: "admin-1" } as const;

/** The system actor used in tests (declared in {@link baseConfig}'s members). */
export const system = { kind: "system", id: "scheduler" } as const;

/** A community on the memory adapter with a manual clock and sequential ids. */
export async function testCommunity<const P extends readonly AnyPlugin[] = []>(
  plugins?: P,
  // Tests pass deliberately wrong configs too: typed as parsed JSON, checked at run time.
  config: Record<string, unknown> = baseConfig(),
) {
  const clock = manualClock("2026-06-01T02:00:00Z");
  const storage = memoryStorage();
  const community = await createCommunity({
    config: config as CommunityConfigInput<P>,
    storage,
    plugins,
    clock,
    ids: sequentialIds(),
  });
  return { community, clock, storage };
}

// The codes the test plugins throw, registered as a plugin registers its catalog's codes.
declare module "../src/index" {
  interface LinliErrorCodes {
    QUORUM_NOT_MET: true;
    TEST_NAMES_REFUSED: true;
    NO_STUDENTS_TODAY: true;
  }
}
