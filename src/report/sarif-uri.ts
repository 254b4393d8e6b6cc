// Where SARIF results point: record files as URI references relative to a declared base
// (run.originalUriBaseIds), %SRCROOT% for the working folder and one INPUTn root for each folder of
// record files outside it, so that no result carries an absolute file: URI.

/** SARIF's conventional name for the root the analysed files are relative to. */
export const SRCROOT = '%SRCROOT%';

interface Base {
  uri?: string;
  description: { text: string };
}

export interface ArtifactLocation {
  uri: string;
  uriBaseId: string;
}

export interface UriBases {
  /** The bases the locations use, for run.originalUriBaseIds. */
  originalUriBaseIds: Record<string, Base>;
  locate(file: string): ArtifactLocation;
}

const encode = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

/** The absolute folder path with forward slashes, or undefined for a relative path. */
function absolute(file: string): string | undefined {
  const slashed = file.replace(/\\/g, '/');
  if (/^[A-Za-z]:\//.test(slashed) || slashed.startsWith('/')) return slashed;
  return undefined;
}

/** A path as a URI reference: relative paths stay relative, with forward slashes and each segment
 * percent-encoded; absolute paths become file: URIs. */
export function artifactUri(file: string): string {
  const slashed = file.replace(/\\/g, '/');
  const drive = /^([A-Za-z]:)\/(.*)$/.exec(slashed);
  if (drive) return `file:///${drive[1]}/${encode(drive[2] ?? '')}`;
  if (slashed.startsWith('/')) return `file://${encode(slashed)}`;
  return encode(slashed.replace(/^(\.\/)+/, ''));
}

function folderOf(file: string): string {
  return file.slice(0, file.lastIndexOf('/') + 1);
}

/**
 * The bases for these record files (as reports show them: relative to the working folder, or
 * absolute when outside it). Roots are the outermost folders holding absolute files, numbered in
 * sorted order, so the same files always get the same names.
 */
export function uriBases(files: readonly string[]): UriBases {
  const outside = [
    ...new Set(
      files
        .map(absolute)
        .filter((f) => f !== undefined)
        .map(folderOf),
    ),
  ].sort();
  const roots: string[] = [];
  for (const folder of outside) {
    if (!roots.some((root) => folder.startsWith(root))) roots.push(folder);
  }
  const originalUriBaseIds: Record<string, Base> = {};
  if (files.some((f) => absolute(f) === undefined)) {
    originalUriBaseIds[SRCROOT] = {
      description: { text: 'The working folder the check ran in: record files inside it are given relative to it.' },
    };
  }
  roots.forEach((root, index) => {
    originalUriBaseIds[`INPUT${index + 1}`] = {
      uri: artifactUri(root),
      description: { text: 'A folder of record files outside the working folder.' },
    };
  });
  return {
    originalUriBaseIds,
    locate(file) {
      const abs = absolute(file);
      if (abs === undefined) return { uri: artifactUri(file), uriBaseId: SRCROOT };
      const index = roots.findIndex((root) => abs.startsWith(root));
      const root = roots[index] ?? folderOf(abs);
      return { uri: encode(abs.slice(root.length)), uriBaseId: `INPUT${index + 1}` };
    },
  };
}
