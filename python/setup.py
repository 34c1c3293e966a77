"""pip install for the pith module: builds the pith_python CMake target of the repository.

    cd python && /usr/bin/python3 -m pip install --no-build-isolation --break-system-packages .

Offline, with Debian's setuptools, pybind11-dev and python3-dev (`make setup` installs them);
the extension is the same one `make python` builds into build/python/pith/.
"""
import os
import pathlib
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent


def version():
    for line in (REPO / "CMakeLists.txt").read_text().splitlines():
        if line.startswith("project(pith VERSION "):
            return line.split()[2]
    raise RuntimeError("no project(pith VERSION ...) line in CMakeLists.txt")


class CMakeBuild(build_ext):
    """Configures the repository with CMake in build_temp and builds only the module's target."""

    def build_extension(self, ext):
        build_dir = pathlib.Path(self.build_temp).resolve() / "cmake"
        configure = ["cmake", "-S", str(REPO), "-B", str(build_dir), "-DCMAKE_BUILD_TYPE=Release",
                     "-DPITH_TESTS=OFF", "-DPITH_BENCH=OFF", "-DPITH_PYTHON=ON", "-DBUILD_SHARED_LIBS=OFF",
                     f"-DPython_EXECUTABLE={sys.executable}"]
        if shutil.which("ninja"):
            configure += ["-G", "Ninja"]
        if shutil.which("ccache"):
            configure += ["-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"]
        jobs = os.environ.get("PITH_BUILD_JOBS", str(os.cpu_count() or 1))
        subprocess.run(configure, check=True)
        subprocess.run(["cmake", "--build", str(build_dir), "--target", "pith_python", "-j", jobs], check=True)
        built = list((build_dir / "python" / "pith").glob("_pith*.so"))
        if len(built) != 1:
            raise RuntimeError(f"expected one _pith*.so in {build_dir / 'python' / 'pith'}, found {built}")
        target = pathlib.Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built[0], target)


setup(
    name="pith",
    version=version(),
    description="The main text and metadata of web pages: pith's C++ engine from Python",
    license="Apache-2.0",
    python_requires=">=3.9",
    packages=["pith"],
    package_data={"pith": ["__init__.pyi", "py.typed"]},
    ext_modules=[Extension("pith._pith", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
    # pith-dask run ...: pith.dask's command line (needs python3-distributed).
    entry_points={"console_scripts": ["pith-dask = pith.dask:main"]},
    zip_safe=False,
)
