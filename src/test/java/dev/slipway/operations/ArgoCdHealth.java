package dev.slipway.operations;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an Argo CD health script (deploy/argocd/health) with a real Lua interpreter, as Argo CD does. */
final class ArgoCdHealth {
    static final String LUA = "lua5.4";

    record Verdict(String status, String message) {
    }

    private ArgoCdHealth() {
    }

    static Verdict of(Path script, JsonNode object) throws IOException, InterruptedException {
        String program = "obj = " + lua(object) + "\n"
            + "local hs = (function()\n" + Files.readString(script) + "\nend)()\n"
            + "io.write(hs.status, \"\\n\", hs.message or \"\")\n";
        Process lua = new ProcessBuilder(LUA, "-").redirectErrorStream(true).start();
        lua.getOutputStream().write(program.getBytes(StandardCharsets.UTF_8));
        lua.getOutputStream().close();
        String output = new String(lua.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!lua.waitFor(30, TimeUnit.SECONDS) || lua.exitValue() != 0) {
            throw new IllegalStateException(script + " failed: " + output);
        }
        int newline = output.indexOf('\n');
        return new Verdict(output.substring(0, newline), output.substring(newline + 1));
    }

    static boolean available() {
        try {
            return new ProcessBuilder(LUA, "-v").start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** JSON as the Lua table Argo CD hands to health scripts: arrays 1-based, null fields absent. */
    static String lua(JsonNode node) {
        if (node.isObject()) {
            StringBuilder table = new StringBuilder("{");
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getValue().isNull()) {
                    table.append("[").append(string(field.getKey())).append("]=").append(lua(field.getValue())).append(",");
                }
            }
            return table.append("}").toString();
        }
        if (node.isArray()) {
            StringBuilder list = new StringBuilder("{");
            node.forEach(element -> list.append(lua(element)).append(","));
            return list.append("}").toString();
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        return string(node.asText());
    }

    private static String string(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
