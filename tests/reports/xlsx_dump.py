#!/usr/bin/python3
"""Reads an XLSX file back with openpyxl and prints what the tests check, as JSON:
sheets in order, each with freeze panes, autofilter, column widths, every non-empty cell
(value, cached value of formulas, number format, bold) and its charts (type, series count, title)."""
import json
import sys

import zipfile

import openpyxl

path = sys.argv[1]
formulas = openpyxl.load_workbook(path)
cached = openpyxl.load_workbook(path, data_only=True)
out = {"sheets": [], "title": formulas.properties.title, "creator": formulas.properties.creator,
       "created": formulas.properties.created.isoformat() if formulas.properties.created else None}
for ws in formulas.worksheets:
    cws = cached[ws.title]
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is None:
                continue
            v = c.value
            if hasattr(v, "isoformat"):
                v = v.isoformat()
            cv = cws[c.coordinate].value
            if hasattr(cv, "isoformat"):
                cv = cv.isoformat()
            cells[c.coordinate] = {"value": v, "cached": cv, "format": c.number_format, "bold": bool(c.font.b)}
    charts = []
    for ch in ws._charts:
        title = None
        if ch.title is not None and ch.title.tx is not None and ch.title.tx.rich is not None:
            title = "".join(r.t for p in ch.title.tx.rich.p for r in (p.r or []))
        charts.append({"type": ch.tagname, "series": len(ch.series), "title": title,
                       "y_min": ch.y_axis.scaling.min, "y_max": ch.y_axis.scaling.max})
    widths = {k: round(v.width, 2) for k, v in ws.column_dimensions.items() if v.width}
    out["sheets"].append({"name": ws.title, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref,
                          "cells": cells, "charts": charts, "widths": widths})
out["zip_dates"] = sorted({"%04d-%02d-%02dT%02d:%02d:%02d" % i.date_time for i in zipfile.ZipFile(path).infolist()})
print(json.dumps(out, ensure_ascii=False))
