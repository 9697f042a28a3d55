import '@testing-library/jest-dom';

// Form-filling tests click through a whole survey in jsdom; on a busy 2-core CI machine that can take over 5 s.
jest.setTimeout(30_000);
