package org.touming.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.touming.content.Diagnostic;

/**
 * Serves the preview on loopback only. HTML pages get a small script that polls the build version
 * and reloads when it changes; while the content has errors, every page shows them.
 */
final class PreviewServer {
  static final String RELOAD_JS =
      "(function(){var seen=null;function poll(){var x=new XMLHttpRequest();"
          + "x.open('GET','/__touming/version',true);"
          + "x.onload=function(){if(seen===null){seen=x.responseText;}else if(x.responseText!==seen){location.reload();return;}setTimeout(poll,300);};"
          + "x.onerror=function(){setTimeout(poll,1000);};x.send();}poll();})();\n";
  private static final Map<String, String> TYPES =
      Map.of(
          "html",
          "text/html; charset=utf-8",
          "css",
          "text/css; charset=utf-8",
          "js",
          "text/javascript; charset=utf-8",
          "json",
          "application/json",
          "csv",
          "text/csv; charset=utf-8",
          "xml",
          "application/xml",
          "txt",
          "text/plain; charset=utf-8",
          "yml",
          "text/plain; charset=utf-8",
          "svg",
          "image/svg+xml");

  private final Preview preview;
  private final HttpServer server;

  PreviewServer(Preview preview, int port) throws IOException {
    this.preview = preview;
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", this::handle);
  }

  int port() {
    return server.getAddress().getPort();
  }

  void start() {
    server.start();
  }

  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path =
          URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
      if (path.equals("/__touming/reload.js")) {
        send(exchange, 200, "js", RELOAD_JS.getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (path.equals("/__touming/version")) {
        send(
            exchange,
            200,
            "txt",
            Long.toString(preview.version()).getBytes(StandardCharsets.UTF_8));
        return;
      }
      String file = path.substring(1);
      if (file.isEmpty() || file.endsWith("/")) {
        file += "index.html";
      }
      String type = file.contains(".") ? file.substring(file.lastIndexOf('.') + 1) : "html";
      if (preview.broken() && type.equals("html")) {
        send(exchange, 500, "html", errorPage());
        return;
      }
      List<byte[]> body = preview.file(file);
      if (body == null) {
        List<byte[]> notFound = preview.file("404.html");
        send(
            exchange,
            404,
            "html",
            notFound == null
                ? "404".getBytes(StandardCharsets.UTF_8)
                : withReload(DiskSink.join(notFound)));
        return;
      }
      if (type.equals("html")) {
        send(exchange, 200, type, withReload(DiskSink.join(body)));
      } else {
        send(exchange, 200, type, body);
      }
    }
  }

  /** The page with the reload script, and a policy that allows it (preview only, never built). */
  static byte[] withReload(byte[] html) {
    String s = new String(html, StandardCharsets.UTF_8);
    s =
        s.replace(
            "default-src 'none';", "default-src 'none'; script-src 'self'; connect-src 'self';");
    int body = s.lastIndexOf("</body>");
    String script = "<script src=\"/__touming/reload.js\"></script>\n";
    s = body < 0 ? s + script : s.substring(0, body) + script + s.substring(body);
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private byte[] errorPage() {
    StringBuilder sb =
        new StringBuilder(
            "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>构建错误</title>");
    sb.append(
        "<style>body{font-family:sans-serif;margin:2rem;line-height:1.6}li{margin:.5rem 0;font-family:monospace;white-space:pre-wrap}.error{color:#b3261e}</style></head><body>");
    sb.append("<h1>构建错误</h1><p>内容或模板有错误，页面暂不更新；修改保存后本页会自动刷新。</p><ul>");
    for (Diagnostic d : preview.diagnostics()) {
      sb.append("<li class=\"")
          .append(d.severity().label())
          .append("\">")
          .append(escape(d.format()))
          .append("</li>");
    }
    sb.append("</ul><script src=\"/__touming/reload.js\"></script></body></html>");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    send(exchange, status, type, List.of(body));
  }

  private static void send(HttpExchange exchange, int status, String type, List<byte[]> body)
      throws IOException {
    exchange
        .getResponseHeaders()
        .set("Content-Type", TYPES.getOrDefault(type, "application/octet-stream"));
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, body.stream().mapToLong(b -> b.length).sum());
    try (OutputStream out = exchange.getResponseBody()) {
      for (byte[] part : body) {
        out.write(part);
      }
    }
  }
}
