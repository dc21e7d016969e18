/** One kind of answer: its content type and the fixed headers the API sends with it. */
export interface Profile {
  name: string
  contentType: string
  /** Every header the API sends with such an answer besides the per-answer ones, lower-case. */
  headers: Array<[string, string]>
}

export interface MirroredUrl {
  url: string
  /** Path of the file under the export folder, from its root (`/v1/sources/index.json`). */
  file: string
  etag: string
  profile: string
  /** The precompressed siblings written (`br`, `gzip`): the API compresses only bodies worth it. */
  encodings: Array<'br' | 'gzip'>
}

export interface NginxOptions {
  root: string
  port: number
  urls: MirroredUrl[]
  profiles: Profile[]
  notFound: { headers: Array<[string, string]>, body: string }
  preflight: { status: number, headers: Array<[string, string]> }
  methodNotAllowed: { headers: Array<[string, string]>, body: string }
}

/** nginx has no escape for `$` in a string: a variable holding one stands in. */
const DOLLAR = '$' + '{sg_dollar}'
/** An nginx string: double-quoted, with `$` kept literal. */
const str = (value: string) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('$', DOLLAR)}"`
const addHeaders = (headers: Array<[string, string]>) => headers.map(([k, v]) => `      add_header ${k} ${str(v)} always;`).join('\n')

/**
 * A complete nginx configuration that serves an export as the API would: the exact bytes
 * per URL (query string included: URLs are matched on $request_uri, so `?page=2` is its own
 * file), the API's Content-Type, ETag, Cache-Control, CORS and security headers, 304 on
 * If-None-Match (weak comparison, lists of tags and `*`, as the API), the precompressed .br
 * or .gz sibling for Accept-Encoding, and problem details for anything else.
 */
export function nginxConf (o: NginxOptions): string {
  const map = (variable: string, value: (u: MirroredUrl) => string) =>
    `  map $request_uri ${variable} {\n    default "";\n    hostnames off;\n${o.urls.map((u) => `    ${str(u.url)} ${str(value(u))};`).join('\n')}\n  }`
  const profiles = o.profiles.map((p) => `
    location = /_sg/${p.name} {
      internal;
      default_type ${str(p.contentType)};
${addHeaders(p.headers)}
      add_header etag $sg_etag always;
      add_header content-encoding $sg_content_encoding always;
      if ($sg_fresh) { rewrite ^ /_sg/${p.name}-not-modified last; }
      try_files $sg_file$sg_suffix =404;
    }

    # A 304 carries no Content-Type, as the API's.
    location = /_sg/${p.name}-not-modified {
      internal;
      default_type "";
${addHeaders(p.headers)}
      add_header etag $sg_etag always;
      return 304;
    }`).join('\n')
  return `# Written by npm run export:static: serves this export on 127.0.0.1:${o.port} as the API would.
# Run: nginx -p ${o.root}/.nginx -c ${o.root}/nginx.conf   (regenerate the export to move it)
worker_processes 1;
pid ${o.root}/.nginx/nginx.pid;
error_log ${o.root}/.nginx/error.log warn;
events { worker_connections 1024; }

http {
  access_log off;
  server_tokens off;
  client_body_temp_path ${o.root}/.nginx/tmp/body;
  proxy_temp_path ${o.root}/.nginx/tmp/proxy;
  fastcgi_temp_path ${o.root}/.nginx/tmp/fastcgi;
  uwsgi_temp_path ${o.root}/.nginx/tmp/uwsgi;
  scgi_temp_path ${o.root}/.nginx/tmp/scgi;
  map_hash_max_size 65536;
  map_hash_bucket_size 256;
  types { }
  charset off;
  # The API's validators are its ETags; nginx's own (mtime-size), Last-Modified checks and
  # byte ranges would answer differently from it.
  etag off;
  if_modified_since off;
  max_ranges 0;

  geo $sg_dollar { default "$"; }

${map('$sg_file', (u) => u.file)}

${map('$sg_etag', (u) => u.etag)}

${map('$sg_profile', (u) => u.profile)}

${map('$sg_encodings', (u) => u.encodings.join(','))}

  # 304 when If-None-Match names the ETag (W/ ignored, a list of tags, or *), as the API.
  map "$sg_etag $http_if_none_match" $sg_fresh {
    default 0;
    "~^(\\"[^\\"]+\\") (?:.*,)?\\s*(?:W/)?\\1\\s*(?:,.*)?$" 1;
    "~^\\S+ \\s*\\*\\s*$" 1;
  }

  # Brotli first, then gzip, when the client accepts them (q=0 refuses) and the API compressed the answer.
  map $http_accept_encoding $sg_accepts {
    default "";
    "~*(?:^|,)\\s*(?:br|\\*)\\s*(?:;\\s*q=0(?:\\.0*)?\\s*)(?:,|$)" "no-br";
    "~*(?:^|,)\\s*(?:br|\\*)\\s*(?:,|;|$)" "br";
    "~*(?:^|,)\\s*gzip\\s*(?:;\\s*q=0(?:\\.0*)?\\s*)(?:,|$)" "";
    "~*(?:^|,)\\s*gzip\\s*(?:,|;|$)" "gzip";
  }
  map "$sg_accepts:$sg_encodings" $sg_suffix {
    default "";
    "~^br:.*br" ".br";
    "~^(?:br|gzip):.*gzip" ".gz";
  }
  map $sg_suffix $sg_content_encoding {
    default "";
    ".br" "br";
    ".gz" "gzip";
  }

  server {
    listen 127.0.0.1:${o.port};
    root ${o.root};

    location / {
      if ($request_method = OPTIONS) { rewrite ^ /_sg/preflight last; }
      if ($request_method !~ ^(?:GET|HEAD)$) { rewrite ^ /_sg/method-not-allowed last; }
      if ($sg_profile = "") { rewrite ^ /_sg/not-found last; }
      rewrite ^ /_sg/$sg_profile last;
    }
${profiles}

    location = /_sg/not-found {
      internal;
      default_type "application/problem+json; charset=utf-8";
${addHeaders(o.notFound.headers)}
      return 404 ${str(o.notFound.body)};
    }

    location = /_sg/method-not-allowed {
      internal;
      default_type "application/problem+json; charset=utf-8";
${addHeaders(o.methodNotAllowed.headers)}
      return 405 ${str(o.methodNotAllowed.body)};
    }

    location = /_sg/preflight {
      internal;
${addHeaders(o.preflight.headers)}
      return ${o.preflight.status};
    }
  }
}
`
}
