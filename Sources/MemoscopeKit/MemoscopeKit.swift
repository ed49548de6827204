@_exported import MemoCore
@_exported import MemoExtraction
@_exported import MemoTokenization
@_exported import MemoLexicon
@_exported import MemoScoring
@_exported import MemoClustering
@_exported import MemoReporting
