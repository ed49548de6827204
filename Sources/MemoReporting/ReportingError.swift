import Foundation
import MemoCore

/// Why a report or comparison could not be written or built.
public enum ReportingError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The report file exists and `--force` was not given.
  case outputExists(path: String)
  /// The output path names a folder.
  case outputIsFolder(path: String)
  /// A folder for the report or its charts could not be created.
  case cannotCreateFolder(path: String, reason: String)
  /// A file could not be written.
  case cannotWrite(path: String, reason: String)
  /// An input of `compare` could not be read.
  case unreadableInput(path: String, reason: String)
  /// An input of `compare` is a folder, or names several memos.
  case notOneMemo(path: String)

  /// True when the error comes from how the command was called (exit status 2, as for
  /// `memoscope score`): an existing output without `--force`, a folder as output or input.
  public var isUsageError: Bool {
    switch self {
    case .notOneMemo, .outputExists, .outputIsFolder: true
    case .cannotCreateFolder, .cannotWrite, .unreadableInput: false
    }
  }

  public var description: String {
    switch self {
    case .outputExists(let path):
      "\(path): already exists. Pass --force to overwrite it, or choose another --output."
    case .outputIsFolder(let path):
      "\(path): is a folder. Give a file name for --output, e.g. \(path)/report.md."
    case .cannotCreateFolder(let path, let reason):
      "\(path): cannot create folder (\(reason)). Check that the parent folder is writable."
    case .cannotWrite(let path, let reason):
      "\(path): cannot write file (\(reason)). Check that the folder exists and is writable."
    case .unreadableInput(_, let reason):
      reason
    case .notOneMemo(let path):
      "\(path): is not a single memo file. Give two files to compare, e.g. a.html b.txt."
    }
  }
}

/// Writes a rendered report and its charts to disk.
public enum ReportFiles {
  /// The charts folder for a report path: beside it, named `<report-stem>-charts`.
  public static func chartsFolder(forReport path: String) -> String {
    let url = URL(fileURLWithPath: path)
    return url.deletingPathExtension().lastPathComponent + "-charts"
  }

  /// Writes the charts (into a folder created beside the report), then the report, each
  /// atomically, so a reader never sees a report pointing at charts that are not there yet.
  ///
  /// - Parameters:
  ///   - report: The rendered report.
  ///   - path: The report's path.
  ///   - force: Whether an existing report may be replaced.
  /// - Returns: The paths written, charts first, the report last.
  /// - Throws: `ReportingError` when the report exists (without `force`) or a write fails.
  public static func write(_ report: RenderedReport, to path: String, force: Bool)
    throws(ReportingError) -> [String]
  {
    let fileManager = FileManager.default
    var isFolder: ObjCBool = false
    if fileManager.fileExists(atPath: path, isDirectory: &isFolder) {
      if isFolder.boolValue { throw .outputIsFolder(path: path) }
      if !force { throw .outputExists(path: path) }
    }
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    let chartsURL = folder.appendingPathComponent(chartsFolder(forReport: path))
    let chartsPath = relative(chartsURL, like: path)
    for (folderURL, shownPath) in [(folder, folder.path), (chartsURL, chartsPath)] {
      do {
        try fileManager.createDirectory(at: folderURL, withIntermediateDirectories: true)
      } catch {
        throw .cannotCreateFolder(path: shownPath, reason: Self.reason(error))
      }
    }
    var written: [String] = []
    for chart in report.charts {
      let chartPath = chartsPath + "/" + chart.name
      do {
        try AtomicFile.write(chart.svg, to: chartsURL.appendingPathComponent(chart.name))
      } catch {
        throw .cannotWrite(path: chartPath, reason: Self.reason(error))
      }
      written.append(chartPath)
    }
    do {
      try AtomicFile.write(report.markdown, to: url)
    } catch {
      throw .cannotWrite(path: path, reason: Self.reason(error))
    }
    written.append(path)
    return written
  }

  /// Writes the CSV data files into `folder` (created if needed), each atomically.
  ///
  /// - Returns: The paths written.
  public static func writeData(_ files: [(name: String, csv: String)], in folder: String)
    throws(ReportingError) -> [String]
  {
    do {
      try FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw .cannotCreateFolder(path: folder, reason: Self.reason(error))
    }
    var written: [String] = []
    for file in files {
      let path = (folder as NSString).appendingPathComponent(file.name)
      do {
        try AtomicFile.write(file.csv, to: URL(fileURLWithPath: path))
      } catch {
        throw .cannotWrite(path: path, reason: Self.reason(error))
      }
      written.append(path)
    }
    return written
  }

  /// The charts folder's path written the way the user wrote the report's path.
  private static func relative(_ chartsURL: URL, like reportPath: String) -> String {
    let folder = (reportPath as NSString).deletingLastPathComponent
    let name = chartsURL.lastPathComponent
    return folder.isEmpty ? name : folder + "/" + name
  }

  private static func reason(_ error: any Error) -> String {
    if case .cannotWrite(_, let reason) = error as? AtomicFileError { return reason }
    return (error as NSError).localizedDescription
  }
}
