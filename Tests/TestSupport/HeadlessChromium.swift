import Foundation

/// Lays pages out in a real browser (Debian's chromium, installed by `scripts/setup.sh`, run headless on no network)
/// and reports what a person would see go wrong on a screen `width` pixels wide: a cell that sticks out past the
/// right edge (sideways scrolling) or one squeezed so narrow that its words break a character a line.
///
/// Each page is loaded in an `<iframe>` of that width (headless windows are never narrower than 500 px, an iframe's
/// viewport is exactly its width), so the page's own media queries apply as on a phone.
package enum HeadlessChromium {
    /// What the layout of one page showed.
    package struct Layout: Sendable, Hashable {
        /// The viewport width the page was laid out at.
        package var viewport: Int
        /// The document's scroll width (wider than `viewport`: the page scrolls sideways).
        package var scrollWidth: Int
        /// Table cells measured.
        package var cells: Int
        /// One line per cell past the right edge or narrower than `minimumCell` px while holding two characters or more.
        package var problems: [String]
    }

    package enum Failure: Error, CustomStringConvertible {
        case notInstalled
        case failed(String)

        package var description: String {
            switch self {
            case .notInstalled: "chromium is not installed: run bash scripts/setup.sh (it installs Debian's chromium and fonts-noto-cjk)"
            case let .failed(why): "chromium: \(why)"
            }
        }
    }

    /// The browser's path: `$INSPECT_CHROMIUM`, else Debian's.
    package static var executable: String? {
        let candidates = [ProcessInfo.processInfo.environment["INSPECT_CHROMIUM"], "/usr/bin/chromium", "/usr/bin/chromium-browser"]
        return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Lays out every page at `width` px in one browser run.
    package static func layout(_ pages: [String], width: Int, minimumCell: Int = 40) throws -> [Layout] {
        guard let executable else { throw Failure.notInstalled }
        let folder = TemporaryFolder()
        let frames = pages.enumerated().map { index, page in
            "<iframe data-page=\"\(index)\" width=\"\(width)\" height=\"844\" style=\"border:0\" onload=\"probe(this)\" srcdoc=\"\(escape(page))\"></iframe>"
        }
        let probe = try folder.write(
            "<!DOCTYPE html><html><head><script>\(script(minimumCell: minimumCell))</script></head><body>\(frames.joined())</body></html>",
            to: "probe.html")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(folder.url.appending(path: "profile").path)",
            "--window-size=1200,900", "--dump-dom", probe.absoluteString,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let dom = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure.failed("exit \(process.terminationStatus)") }
        return try pages.indices.map { index in try parse(dom, page: index) }
    }

    private static func escape(_ page: String) -> String {
        page.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    private static func script(minimumCell: Int) -> String {
        """
        function probe(f){var d=f.contentDocument,w=f.contentWindow.innerWidth,out=[],cells=0;
        d.querySelectorAll('th,td').forEach(function(c){var r=c.getBoundingClientRect();if(r.width===0)return;cells++;
        var t=c.textContent.trim();if(r.right>w+0.5)out.push('past the edge at '+Math.round(r.right)+' px: '+t.slice(0,30));
        if(t.length>=2&&r.width<\(minimumCell))out.push('squeezed to '+Math.round(r.width)+' px: '+t.slice(0,30));});
        var p=document.createElement('pre');p.className='probe';p.setAttribute('data-page',f.getAttribute('data-page'));
        p.textContent=['viewport '+w,'scroll '+d.documentElement.scrollWidth,'cells '+cells].concat(out).join('\\n');document.body.appendChild(p);}
        """
    }

    private static func parse(_ dom: String, page: Int) throws -> Layout {
        let marker = "<pre class=\"probe\" data-page=\"\(page)\">"
        guard let start = dom.range(of: marker), let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex) else {
            throw Failure.failed("page \(page) was not laid out")
        }
        let text = String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        var lines = text.split(separator: "\n").map(String.init)
        func number(_ prefix: String) -> Int {
            guard !lines.isEmpty, lines[0].hasPrefix(prefix) else { return -1 }
            return Int(lines.removeFirst().dropFirst(prefix.count)) ?? -1
        }
        let viewport = number("viewport "), scroll = number("scroll "), cells = number("cells ")
        return Layout(viewport: viewport, scrollWidth: scroll, cells: cells, problems: lines)
    }
}
