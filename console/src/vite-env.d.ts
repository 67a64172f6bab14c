/// <reference types="vite/client" />

/** True in the local build (`npm start`): the development sign-in page exists. False in the AWS build. */
declare const __LOCAL_SIGN_IN__: boolean;
