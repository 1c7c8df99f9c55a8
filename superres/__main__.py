

# %% ../nbs/09_cli.ipynb #c4a76e07
import sys
from superres.cli import main
if __name__ == '__main__': sys.exit(main())

# %% ../nbs/09_cli.ipynb #c4a76e07
import sys
from superres.cli import main
if __name__ == '__main__': sys.exit(main())

# %% ../nbs/09_cli.ipynb #c4a76e07
import sys
from superres.cli import main
if __name__ == '__main__': sys.exit(main())

# %% ../nbs/09_cli.ipynb #c4a76e07
import sys
from superres.cli import main
if __name__ == '__main__': sys.exit(main())

# %% ../nbs/09_cli.ipynb #c4a76e07
import sys
from superres.cli import main
if __name__ == '__main__': sys.exit(main())

# %% ../nbs/09_cli.ipynb #c4a76e07
import sys
from superres.cli import main
if __name__ == '__main__': sys.exit(main())

# %% ../nbs/09_cli.ipynb #c4a76e07
import sys
from superres.cli import main
if __name__ == '__main__': sys.exit(main())

# %% ../nbs/09_cli.ipynb #c4a76e07
import sys
from superres.cli import main
if __name__ == '__main__': sys.exit(main())

# %% ../nbs/09_cli.ipynb #c4a76e07
import sys
from superres.cli import main
if __name__ == '__main__': sys.exit(main())