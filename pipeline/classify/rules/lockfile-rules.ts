import { rule, type Rule } from './rule-table.js';

/**
 * File names (lower-case) that package managers write to pin resolved dependency versions.
 * Linguist counts most of them as generated; we keep them apart so dependency churn can be
 * reported on its own.
 */
export const LOCKFILE_NAMES: ReadonlySet<string> = new Set([
  // JavaScript
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lockb',
  'bun.lock',
  'deno.lock',
  // Ruby
  'gemfile.lock',
  'gems.locked',
  // Rust
  'cargo.lock',
  // Python
  'poetry.lock',
  'pipfile.lock',
  'pdm.lock',
  'uv.lock',
  'pixi.lock',
  'pylock.toml',
  'conda-lock.yml',
  'requirements.lock',
  'requirements-dev.lock',
  // PHP
  'composer.lock',
  // Go
  'go.sum',
  'go.work.sum',
  'gopkg.lock',
  'glide.lock',
  // Apple platforms
  'podfile.lock',
  'cartfile.resolved',
  'package.resolved',
  // Elixir, Erlang
  'mix.lock',
  'rebar.lock',
  // Dart / Flutter
  'pubspec.lock',
  // .NET
  'packages.lock.json',
  'paket.lock',
  'project.assets.json',
  // JVM
  'gradle.lockfile',
  'buildscript-gradle.lockfile',
  // Nix, Bazel, Terraform, Helm, Jsonnet
  'flake.lock',
  'module.bazel.lock',
  '.terraform.lock.hcl',
  'chart.lock',
  'jsonnetfile.lock.json',
  // Others
  'shard.lock',
  'berksfile.lock',
  'manifest.toml',
  'stack.yaml.lock',
  'cabal.project.freeze',
  'renv.lock',
  'esy.lock',
  'conan.lock',
  'vcpkg-lock.json',
]);

/** Lock files recognised by where they live or how their name is built rather than by a fixed name. */
export const LOCKFILE_PATH_RULES: readonly Rule[] = [
  rule(/(?:^|\/)gradle\/dependency-locks\/[^/]+\.lockfile$/, 'Gradle dependency lock'),
  rule(/(?:^|\/)esy\.lock\//, 'esy lock directory', 'linguist'),
  rule(/(?:^|\/)requirements[^/]*\.lock$/, 'Python requirements lock'),
];
