"""The table every benchmark prints: measure | wall time | SQL queries (or another last column)."""


def print_table(rows, time_width=18, queries_width=14, last_column="SQL queries"):
    width = max(len(row[0]) for row in rows)
    print(f"{'measure':<{width}} | {'wall time':>{time_width}} | {last_column:>{queries_width}}")
    print(f"{'-' * width}-|-{'-' * time_width}-|-{'-' * queries_width}")
    for label, wall, queries in rows:
        print(f"{label:<{width}} | {wall:>{time_width}} | {queries:>{queries_width}}")
