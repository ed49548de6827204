@_exported import MemoClustering
@_exported import MemoCore
@_exported import MemoExtraction
@_exported import MemoLexicon
@_exported import MemoLibrary
@_exported import MemoReporting
@_exported import MemoScoring
@_exported import MemoTokenization
