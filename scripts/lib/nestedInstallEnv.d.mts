/** See nestedInstallEnv.mjs: the environment for the nested `npm install` of code-server. */
export function nestedInstallEnv(
  outerEnv: Record<string, string | undefined>,
  node24Dir: string,
  delimiter?: string,
): Record<string, string>;
