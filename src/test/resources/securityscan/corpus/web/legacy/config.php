<?php
define('DB_HOST', 'localhost');
define('DB_USER', 'shop');
define('DB_PASSWORD', '%%FAKE:password%%');
define('DB_PASSWORD_MIN_LENGTH', '12');
