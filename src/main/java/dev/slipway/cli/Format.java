package dev.slipway.cli;

/** How a command prints its result. */
enum Format {
    table, json, yaml
}
