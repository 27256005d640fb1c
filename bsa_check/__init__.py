"""bsa-check: check Dutch binding study advice (BSA) rules and explain every verdict.

``import bsa_check`` gives the Python API (``bsa_check.api``, imported on first use, so the command
line starts as fast as before): ``bsa_check.check(...)``, ``bsa_check.explain(...)`` and
``bsa_check.compare(...)``. ``explain`` and ``compare`` are also the names of this package's
subpackages; calling them calls the API function (see :func:`callable_subpackage`).
"""

__version__ = "0.1.0"

__all__ = ["check", "explain", "compare", "__version__"]

_API = ("check", "CheckResult", "Results", "RuleSetWarning")


def __getattr__(name: str):  # type: ignore[no-untyped-def]
    if name in _API:
        from bsa_check import api

        return getattr(api, name)
    if name in ("explain", "compare"):  # the subpackage, made callable by its own import
        import importlib

        return importlib.import_module(f"bsa_check.{name}")
    raise AttributeError(f"module 'bsa_check' has no attribute {name!r}")


def callable_subpackage(module_name: str, function: str) -> None:
    """Make the subpackage ``module_name`` callable as ``bsa_check.api.<function>``: importing a
    subpackage sets the package attribute of the same name to the module, so ``bsa_check.compare``
    is that module; calling it runs the API function. Its own names are unchanged."""
    import sys
    import types

    class _CallableModule(types.ModuleType):
        def __call__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            from bsa_check import api

            return getattr(api, function)(*args, **kwargs)

    sys.modules[module_name].__class__ = _CallableModule
