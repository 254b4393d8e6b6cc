// The tool's name and version, as reports state them.
export const TOOL = { name: 'sanctions-check', version: '0.1.0' } as const;
