export declare const ELEMENT_TRUSTED_TYPES: readonly string[];
export declare const MOCK_WORKER_TRUSTED_TYPES: readonly string[];
export declare const ELEMENTS_CONTENT_SECURITY_POLICY: string;
export declare const CONTENT_SECURITY_POLICY: string;
