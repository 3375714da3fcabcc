/// Why a photo could not be read, processed or written. Library failures carry the library's own message.
package enum ImageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(String)
    /// The file is bigger than the configured cap.
    case fileTooLarge(bytes: Int, limit: Int)
    /// Neither a JPEG nor a PNG signature.
    case unsupportedFormat(String)
    /// The header declares more pixels than allowed (checked before any pixel buffer is allocated).
    case tooManyPixels(width: Int, height: Int, limit: Int)
    /// A PNG chunk is malformed (e.g. declares more bytes than the file has left).
    case malformedPNG(String)
    /// libjpeg or libpng refused the data; the message is theirs.
    case decodeFailed(format: String, message: String)
    /// libjpeg or libpng could not encode.
    case encodeFailed(format: String, message: String)

    package var description: String {
        switch self {
        case let .unreadable(reason): "cannot read the photo: \(reason)"
        case let .fileTooLarge(bytes, limit): "photo file is \(bytes) bytes; the limit is \(limit) bytes"
        case let .unsupportedFormat(what): "not a JPEG or PNG photo (\(what))"
        case let .tooManyPixels(width, height, limit): "photo is \(width)x\(height) pixels; the limit is \(limit) pixels"
        case let .malformedPNG(reason): "malformed PNG: \(reason)"
        case let .decodeFailed(format, message): "could not decode \(format): \(message)"
        case let .encodeFailed(format, message): "could not encode \(format): \(message)"
        }
    }
}
