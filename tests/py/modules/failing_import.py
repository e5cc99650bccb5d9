# An exception during import propagates and leaves no entry in sys.modules.
import sys
for attempt in range(2):
    try:
        import pkgs.raises_on_import
    except RuntimeError as e:
        print(f"attempt {attempt}:", type(e).__name__, e)
    print("in sys.modules:", "pkgs.raises_on_import" in sys.modules)
