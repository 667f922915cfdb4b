export declare function isTemplateSource(path: string): boolean;
export declare function minifyTemplates(code: string, fileName: string): Promise<{ code: string; map?: object }>;
export declare function minifyTemplatesPlugin(): { name: string; apply: 'build'; transform(code: string, id: string): Promise<{ code: string; map?: object } | undefined> };
export declare const BROWSER_TARGETS: { chrome: number; firefox: number; safari: number };
