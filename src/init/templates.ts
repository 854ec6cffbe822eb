// The files `shale init` writes: a small Slate-style page with one include, and what a project
// needs to build and publish it (package.json, .gitignore, a GitHub Pages workflow).

export function projectFiles(name: string, shaleVersion: string): Record<string, string> {
  return {
    'source/index.html.md': PAGE,
    'source/includes/_errors.md': INCLUDE,
    'package.json': JSON.stringify({
      name: packageName(name),
      private: true,
      type: 'module',
      scripts: { dev: 'shale dev', build: 'shale build', preview: 'shale preview', deploy: 'shale deploy' },
      devDependencies: { shale: `^${shaleVersion}` },
    }, null, 2) + '\n',
    // .shale-cache/: what builds keep for the next (highlighted code, rendered pages, the theme bundle).
    '.gitignore': 'node_modules/\nbuild/\n.shale-cache/\n',
    '.github/workflows/pages.yml': WORKFLOW,
  };
}

/** An npm package name from a folder name. */
function packageName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+|-+$/g, '') || 'api-docs';
}

const PAGE = `---
title: API Reference

language_tabs:
  - shell: cURL
  - javascript
  - python

toc_footers:
  - <a href="https://example.com/signup">Get an API key</a>

includes:
  - errors

search: true
---

# Introduction

Welcome to the API. Code samples are in the dark column on the right; pick a language with the
tabs above it.

# Authentication

> Send your key with every request:

\`\`\`shell
curl https://api.example.com/v1/things -H "Authorization: Bearer $API_KEY"
\`\`\`

\`\`\`javascript
const res = await fetch('https://api.example.com/v1/things', {
  headers: { Authorization: \`Bearer \${process.env.API_KEY}\` },
});
\`\`\`

\`\`\`python
import os, requests
res = requests.get("https://api.example.com/v1/things",
                   headers={"Authorization": f"Bearer {os.environ['API_KEY']}"})
\`\`\`

Every request carries an API key in the \`Authorization\` header.

<aside class="notice">Keep your key secret: anyone who has it can act for you.</aside>

# Things

## List things

\`\`\`shell
curl https://api.example.com/v1/things
\`\`\`

> The response:

\`\`\`json
[{ "id": 1, "name": "first" }]
\`\`\`

\`GET https://api.example.com/v1/things\`

Parameter | Default | Description
--------- | ------- | -----------
limit | 20 | How many things to return.
`;

const INCLUDE = `# Errors

The API answers with standard HTTP status codes:

Code | Meaning
---- | -------
400 | Bad Request: the request is malformed.
401 | Unauthorized: the API key is missing or wrong.
404 | Not Found.
429 | Too Many Requests: slow down and retry later.
`;

const WORKFLOW = `# Builds the docs with shale and publishes them with GitHub Pages on every push to main.
# In the repository settings, set Pages → Source to "GitHub Actions".
name: Pages

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - run: npx shale build
      - uses: actions/upload-pages-artifact@v3
        with:
          path: build
  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
`;
