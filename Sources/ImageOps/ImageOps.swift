/// Photo operations arrive with the photo issue.
package enum ImageOps {}
