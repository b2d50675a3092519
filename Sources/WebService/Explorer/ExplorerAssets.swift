import HTTPServer

/// The explorer page and its script and style sheet, embedded in the binary so that
/// the service needs no files and the page no network beyond this server.
///
/// The Content-Security-Policy allows only this server's own script, style, data
/// and images (and `blob:` images, for diagrams fetched by the script): no inline
/// script, no CDN. The script builds the DOM with `textContent`, never with HTML
/// strings, so nothing a document or a query says can run in the page.
enum ExplorerAssets {
    static let scriptPath = "/assets/explorer.js"
    static let stylePath = "/assets/explorer.css"

    static let pagePolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    static let page: HTTPResponse = asset("text/html; charset=utf-8", ExplorerPage.html, policy: pagePolicy)
    static let script: HTTPResponse = asset("text/javascript; charset=utf-8", ExplorerScript.source)
    static let style: HTTPResponse = asset("text/css; charset=utf-8", ExplorerStyle.source)

    private static func asset(_ type: String, _ text: String, policy: String? = nil) -> HTTPResponse {
        var response = HTTPResponse(status: .ok, contentType: type, text: text)
        if let policy { response.setHeader("Content-Security-Policy", policy) }
        return response
    }
}

/// The page's HTML: the query editor, the tabs, and empty panels the script fills.
enum ExplorerPage {
    static let html = #"""
    <!DOCTYPE html>
    <html lang="ja">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>WardGraph 区運営方針ナレッジグラフ</title>
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="/assets/explorer.css">
    <script src="/assets/explorer.js" defer></script>
    </head>
    <body>
    <header>
      <h1>WardGraph <span class="subtitle">区運営方針ナレッジグラフ</span></h1>
      <p id="status" class="status">接続中…</p>
    </header>
    <main>
      <section id="editor" aria-label="問い合わせ">
        <div class="toolbar">
          <label for="examples">質問の例</label>
          <select id="examples"><option value="">― 質問を選ぶ ―</option></select>
          <label for="year">年度</label>
          <select id="year"><option value="">各区の最新</option></select>
        </div>
        <textarea id="program" spellcheck="false" rows="5" aria-label="問い合わせ (Datalog)">?- shared_partner(泉区, W, P).</textarea>
        <div class="toolbar">
          <button id="run" type="button" class="primary">実行 <kbd>Ctrl+Enter</kbd></button>
          <span id="summary" class="summary" aria-live="polite"></span>
        </div>
        <p id="years" class="years" hidden></p>
        <div id="errors" class="errors" hidden></div>
      </section>
      <nav class="tabs" role="tablist">
        <button type="button" role="tab" data-tab="table" aria-selected="true">表</button>
        <button type="button" role="tab" data-tab="diagram" aria-selected="false">図</button>
        <button type="button" role="tab" data-tab="why" aria-selected="false">根拠</button>
        <button type="button" role="tab" data-tab="node" aria-selected="false">ノード</button>
      </nav>
      <section id="panel-table" class="panel" role="tabpanel">
        <div class="toolbar">
          <button id="download-csv" type="button" disabled>CSV (Excel)</button>
          <button id="download-json" type="button" disabled>JSON</button>
          <span class="hint">行をクリックすると根拠を、ノード名をクリックするとノードのページを表示します。</span>
        </div>
        <div class="scroll"><table id="result"></table></div>
      </section>
      <section id="panel-diagram" class="panel" role="tabpanel" hidden>
        <p class="hint">結果に現れるノードとそのあいだの辺を図にします(Graphviz)。</p>
        <div id="diagram" class="diagram"></div>
      </section>
      <section id="panel-why" class="panel" role="tabpanel" hidden>
        <div id="why"><p class="hint">表の行をクリックすると、その答えが成り立つ理由を文書の行までさかのぼって表示します。</p></div>
      </section>
      <section id="panel-node" class="panel" role="tabpanel" hidden>
        <div id="node"><p class="hint">表のノード名をクリックすると、そのノードの属性・辺・出典・履歴を表示します。</p></div>
      </section>
    </main>
    <footer>WardGraph — 横浜市の区運営方針の知識グラフ。API は <code>/api/</code>(README を参照)。</footer>
    </body>
    </html>

    """#
}
