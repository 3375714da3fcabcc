import Testing
import Foundation
@testable import Inspection

@Test func debugTemplate() throws {
    do { _ = try TemplateLoader.load(from: URL(filePath: "/tmp/t/x.yaml")) } catch { print(error) }
}
