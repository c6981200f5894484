package dev.acd.config.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import dev.acd.config.Setting;
import dev.acd.config.Settings;

/**
 * Splits a customers CSV file into rows with the line and column of every field. The first row is the header and
 * names the columns (any order); lines starting with '#' are comments; blank lines are skipped.
 */
final class CsvCustomers {
    static final String SECTION = "customers.inline[]";
    private static final String PATH = "customers.file";

    private CsvCustomers() {
    }

    static List<CsvRow> read(Problems problems, String file, String text) {
        List<String> known = Settings.inSection(SECTION).stream().map(Setting::key).collect(Collectors.toList());
        List<CsvRow> rows = new ArrayList<>();
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (CsvParser parser = mapper.getFactory().createParser(new StringReader(text))) {
            parser.setSchema(CsvSchema.emptySchema().withComments());
            List<String> header = null;
            List<String> fields = new ArrayList<>();
            List<Where> places = new ArrayList<>();
            JsonToken token;
            int depth = 0;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_ARRAY) {
                    depth++;
                    fields = new ArrayList<>();
                    places = new ArrayList<>();
                } else if (token == JsonToken.VALUE_STRING) {
                    JsonLocation location = parser.currentTokenLocation();
                    fields.add(parser.getText());
                    places.add(new Where(file, location.getLineNr(), location.getColumnNr(), ""));
                } else if (token == JsonToken.END_ARRAY) {
                    // depth 2 is one record inside the array that wraps the whole file
                    boolean record = depth == 2;
                    depth--;
                    if (!record || fields.stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    if (header == null) {
                        header = header(problems, fields, places, known);
                    } else {
                        rows.add(row(problems, header, fields, places, rows.size()));
                    }
                }
            }
            if (header == null) {
                problems.add(new Where(file, 1, 1, PATH), "the customers file is empty; expected a header row naming the columns "
                        + String.join(",", known));
            }
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            int line = location == null ? 0 : location.getLineNr();
            int column = location == null ? 0 : location.getColumnNr();
            problems.add(new Where(file, Math.max(line, 0), Math.max(column, 0), PATH), "CSV syntax: " + e.getOriginalMessage());
        } catch (IOException e) {
            problems.add(file, PATH, "cannot read: " + e.getMessage());
        }
        return rows;
    }

    private static List<String> header(Problems problems, List<String> fields, List<Where> places, List<String> known) {
        List<String> header = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            String column = fields.get(i).trim();
            Where where = places.get(i).withPath(PATH + " header");
            if (!known.contains(column)) {
                String hint = Names.suggestion(column, known);
                problems.add(where, "unknown column '" + column + "'" + (hint.isEmpty() ? "; expected columns: "
                        + String.join(", ", known) : hint));
            } else if (header.contains(column)) {
                problems.add(where, "duplicate column '" + column + "'");
            }
            header.add(column);
        }
        for (Setting setting : Settings.inSection(SECTION)) {
            if (setting.required() && !header.contains(setting.key())) {
                problems.add(places.get(0).withPath(PATH + " header"), "missing required column '" + setting.key() + "'");
            }
        }
        return header;
    }

    private static CsvRow row(Problems problems, List<String> header, List<String> fields, List<Where> places, int index) {
        String path = PATH + "[" + index + "]";
        Map<String, String> values = new HashMap<>();
        Map<String, Where> at = new HashMap<>();
        for (int i = 0; i < fields.size() && i < header.size(); i++) {
            values.putIfAbsent(header.get(i), fields.get(i));
            at.putIfAbsent(header.get(i), places.get(i).withPath(path + "." + header.get(i)));
        }
        Where start = places.get(0).withPath(path);
        if (fields.size() > header.size()) {
            problems.add(places.get(header.size()).withPath(path), "the row has " + fields.size()
                    + " fields but the header names " + header.size() + " columns");
        }
        return new CsvRow(problems, values, at, start);
    }
}
